import type { ReactNode } from "react";
import { SelectionToolbar } from "@/components/annotations/selection-toolbar";
import { ThreadPanel } from "@/components/annotations/thread-panel";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import type { Viewer } from "@/lib/auth/viewer";
import { getTranslations } from "next-intl/server";
import { suspensionValues } from "@/lib/moderation/suspension";
import { ORPHANS_PER_PAGE, THREADS_PER_PAGE, type DiscussionPage } from "@/lib/data/annotations/load-discussion";
import type { ArticleForReading } from "@/lib/data/articles/get-article";
import type { PlacedHighlight } from "@/lib/highlights/segments";
import type { ThreadSort } from "@/lib/threads/build-thread";
import { filtersToParams, type DiscussionFilters } from "@/lib/validation/discussion-filters";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LiveDiscussion } from "@/components/live/live-discussion";
import { ArticleView } from "./article-view";
import { FocusOnLoad } from "./focus-on-load";
import { ReaderShortcuts } from "./reader-shortcuts";
import { TextFragmentBridge } from "./text-fragment-bridge";
import { VersionBar } from "./version-bar";

/** The words of the reader's client components: toolbar, composer, thread actions, share menu, shortcuts, live bar, mentions. */
const READER_CLIENT_NAMESPACES = ["annotations", "live", "reader", "share", "notifications"];

/** What a permalink or a shared passage puts in the spotlight. */
export interface ReaderFocus {
  /** The element to scroll to and focus. */
  targetId: string;
  /** Highlights drawn with extra emphasis (a thread's root, or a shared passage). */
  emphasis: PlacedHighlight[];
  /** The annotation a permalink names, marked in its thread. */
  annotationId?: string;
}

/**
 * The article with its highlights and discussion: the reader page, the
 * permalink page and shared-passage links all render through this.
 */
export async function ArticleReader({
  article,
  viewer,
  discussion,
  sort,
  focus,
  notice,
  published,
  live,
  filters = {},
}: {
  article: ArticleForReading;
  viewer: Viewer | null;
  discussion: DiscussionPage;
  sort: ThreadSort;
  focus?: ReaderFocus;
  notice?: ReactNode;
  published?: string;
  /** The live stream to follow and the event the page was rendered at; absent on older versions. */
  live?: { articleId: string; since: string };
  /** The discussion panel's filters, kept in every link the panel makes. */
  filters?: DiscussionFilters;
}) {
  const canonical = buildCanonicalText(article.version.blocks);
  const suspensionNotice = viewer?.suspension ? (await getTranslations("annotationErrors"))("suspended", suspensionValues(viewer.suspension)) : null;
  const { threads, orphaned, orphanedTotal, total, highlights } = discussion;
  // A highlight whose thread is not among those shown leads to the page that shows it (with or without JavaScript).
  const rendered = new Set([...threads, ...orphaned].map((thread) => thread.root.id));
  const pageHref = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (!article.isCurrentVersion) params.set("version", String(article.version.number));
    if (sort !== "position") params.set("sort", sort);
    for (const [key, value] of Object.entries(filtersToParams(filters))) params.set(key, value);
    // Showing more of one list keeps what was shown of the other.
    if (threads.length > THREADS_PER_PAGE) params.set("threads", String(threads.length));
    if (orphaned.length > ORPHANS_PER_PAGE) params.set("orphans", String(orphaned.length));
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/articles/${article.slug}?${params.toString()}`;
  };
  const threadHref = (threadId: string) => (rendered.has(threadId) ? `#thread-${threadId}` : `${pageHref({ thread: threadId })}#thread-${threadId}`);
  const moreHref = threads.length < total ? `${pageHref({ threads: String(threads.length + THREADS_PER_PAGE) })}#thread-list-more` : undefined;
  const moreOrphansHref = orphaned.length < orphanedTotal ? `${pageHref({ orphans: String(orphaned.length + ORPHANS_PER_PAGE) })}#orphaned-more` : undefined;
  const page = (
    <>
      <VersionBar article={article} isAdmin={viewer?.role === "ADMIN"} published={published} />
      {notice ? (
        <div className="mx-auto max-w-6xl px-4 pt-4 sm:px-6">
          <div id="link-notice" tabIndex={-1} role="status" className="rounded-md border-l-4 border-[var(--color-accent)] bg-[var(--color-rule)]/30 px-4 py-3 leading-relaxed">
            {notice}
          </div>
        </div>
      ) : null}
      {/* Before the article, so its keyboard-selection switch comes early in the tab order. */}
      {article.isCurrentVersion ? (
        <SelectionToolbar versionId={article.version.id} slug={article.slug} signedIn={viewer !== null} canPost={Boolean(viewer?.isEmailVerified)} />
      ) : null}
      <ReaderShortcuts />
      <ArticleView
        article={article}
        spans={canonical.spans}
        highlights={highlights}
        threadHref={threadHref}
        emphasis={focus?.emphasis}
        aside={
          <ThreadPanel
            threads={threads}
            orphaned={orphaned}
            orphanedTotal={orphanedTotal}
            moreOrphansHref={moreOrphansHref}
            total={total}
            moreHref={moreHref}
            sort={sort}
            slug={article.slug}
            articleLanguage={article.language}
            focusedAnnotationId={focus?.annotationId}
            isLive={live !== undefined}
            filters={filters}
            viewer={viewer ? { handle: viewer.handle, isEmailVerified: viewer.isEmailVerified, suspensionNotice } : null}
          />
        }
      />
      {focus ? <FocusOnLoad targetId={focus.targetId} /> : <TextFragmentBridge slug={article.slug} />}
    </>
  );
  return (
    <ClientMessages namespaces={READER_CLIENT_NAMESPACES}>
      {live ? (
        <LiveDiscussion articleId={live.articleId} since={live.since}>
          {page}
        </LiveDiscussion>
      ) : (
        page
      )}
    </ClientMessages>
  );
}
