import type { ReactNode } from "react";
import { SelectionToolbar } from "@/components/annotations/selection-toolbar";
import { ThreadPanel } from "@/components/annotations/thread-panel";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import type { Viewer } from "@/lib/auth/viewer";
import { formatSuspensionEnd } from "@/lib/data/annotations/participation";
import { describeSuspension } from "@/lib/moderation/suspension";
import type { ThreadView } from "@/lib/data/annotations/list-article-annotations";
import type { ArticleForReading } from "@/lib/data/articles/get-article";
import type { PlacedHighlight } from "@/lib/highlights/segments";
import type { ThreadSort } from "@/lib/threads/build-thread";
import { ArticleView } from "./article-view";
import { FocusOnLoad } from "./focus-on-load";
import { TextFragmentBridge } from "./text-fragment-bridge";
import { VersionBar } from "./version-bar";

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
export function ArticleReader({
  article,
  viewer,
  threads,
  sort,
  focus,
  notice,
  published,
}: {
  article: ArticleForReading;
  viewer: Viewer | null;
  threads: ThreadView[];
  sort: ThreadSort;
  focus?: ReaderFocus;
  notice?: ReactNode;
  published?: string;
}) {
  const canonical = buildCanonicalText(article.version.blocks);
  const highlights = threads.flatMap((thread) =>
    thread.anchor ? [{ id: thread.root.id, start: thread.anchor.start, end: thread.anchor.end, isOwn: thread.root.isOwn }] : [],
  );
  return (
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
      <ArticleView
        article={article}
        spans={canonical.spans}
        highlights={highlights}
        emphasis={focus?.emphasis}
        aside={
          <ThreadPanel
            threads={threads}
            sort={sort}
            slug={article.slug}
            focusedAnnotationId={focus?.annotationId}
            viewer={viewer ? { handle: viewer.handle, isEmailVerified: viewer.isEmailVerified, suspensionNotice: viewer.suspension ? describeSuspension(viewer.suspension, formatSuspensionEnd) : null } : null}
          />
        }
      />
      {focus ? <FocusOnLoad targetId={focus.targetId} /> : <TextFragmentBridge slug={article.slug} />}
    </>
  );
}
