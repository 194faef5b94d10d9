import { useTranslations } from "next-intl";
import type { ThreadView } from "@/lib/data/annotations/list-article-annotations";
import { sortThreads, threadSorts, type ThreadSort } from "@/lib/threads/build-thread";
import { filtersToParams, type DiscussionFilters } from "@/lib/validation/discussion-filters";
import { LiveThreadGate } from "@/components/live/live-thread-gate";
import { NewThreadsBar } from "@/components/live/new-threads-bar";
import { DiscussionFilterForm } from "./discussion-filters";
import { DiscussionSheet } from "./discussion-sheet";
import { Thread } from "./thread";

export function ThreadPanel({
  threads,
  orphaned,
  orphanedTotal,
  total,
  moreHref,
  moreOrphansHref,
  sort,
  slug,
  articleLanguage,
  viewer,
  focusedAnnotationId,
  isLive = false,
  filters = {},
}: {
  /** The threads shown, placed in this version: a page of them when there are many. */
  threads: ThreadView[];
  /** Threads whose passage is not in this version: the oldest of them when there are many. */
  orphaned: ThreadView[];
  /** How many threads are orphaned in this version in all. */
  orphanedTotal: number;
  /** How many threads are placed in this version in all. */
  total: number;
  /** The page showing more threads, when some are not shown yet. */
  moreHref?: string;
  /** The page showing more orphaned threads, when some are not shown yet. */
  moreOrphansHref?: string;
  sort: ThreadSort;
  slug: string;
  /** BCP 47 language of the article, which the quoted passages are in. */
  articleLanguage: string;
  viewer: { handle: string; isEmailVerified: boolean; suspensionNotice: string | null } | null;
  /** The annotation a permalink names: marked, and its thread open. */
  focusedAnnotationId?: string;
  /** Inside a live page: new threads wait behind a bar. */
  isLive?: boolean;
  filters?: DiscussionFilters;
}) {
  const anchored = threads.filter((thread) => thread.anchor);
  const sorted = sortThreads(
    anchored.map((thread) => ({
      thread,
      position: thread.anchor!.start,
      createdAt: new Date(thread.root.createdAt),
      helpfulCount: thread.root.helpfulCount,
      replyCount: thread.replies.length,
    })),
    sort,
  ).map((entry) => entry.thread);
  const t = useTranslations("annotations.discussion");
  const canReply = Boolean(viewer?.isEmailVerified) && !viewer?.suspensionNotice;
  return (
    <section aria-labelledby="discussion-title" className="mt-12 border-t border-[var(--color-rule)] pb-20 pt-8 lg:mt-0 lg:border-0 lg:pb-0 lg:pt-0">
      <DiscussionSheet count={total}>
      <div className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-1">
        <h2 id="discussion-title" className="text-xl font-semibold">
          {t("title")} <span className="text-base font-normal text-[var(--color-muted)]">{t("count", { count: total })}</span>
        </h2>
        {!viewer ? (
          <p className="mt-2 text-sm leading-relaxed text-[var(--color-muted)]">
            {t.rich("signInPrompt", {
              link: (chunks) => (
                <a href={`/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}`)}`} className="font-medium text-[var(--color-ink)] underline underline-offset-4">
                  {chunks}
                </a>
              ),
            })}
          </p>
        ) : viewer.suspensionNotice ? (
          <p role="status" className="mt-2 rounded-md border-l-4 border-red-700 bg-[var(--color-rule)]/25 px-3 py-2 text-sm leading-relaxed dark:border-red-400">
            {viewer.suspensionNotice} {t("suspended")}
          </p>
        ) : !viewer.isEmailVerified ? (
          <p className="mt-2 text-sm leading-relaxed">
            {t.rich("verifyPrompt", {
              link: (chunks) => (
                <a href="/verify-email" className="font-medium underline underline-offset-4">
                  {chunks}
                </a>
              ),
            })}
          </p>
        ) : (
          <p className="mt-2 text-sm text-[var(--color-muted)]">{t("selectPrompt")}</p>
        )}
        <DiscussionFilterForm slug={slug} sort={sort} filters={filters} signedIn={viewer !== null} matchCount={total + orphanedTotal} />
        {total > 1 ? (
          <form className="mt-4 flex flex-wrap items-end gap-2" action={`/articles/${slug}`}>
            {Object.entries(filtersToParams(filters)).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div>
              <label htmlFor="thread-sort" className="block text-sm font-medium">
                {t("sortLabel")}
              </label>
              <select id="thread-sort" name="sort" defaultValue={sort} className="mt-1 min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2">
                {threadSorts.map((value) => (
                  <option key={value} value={value}>
                    {t(`sort.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
              {t("sortButton")}
            </button>
          </form>
        ) : null}
        {isLive ? <NewThreadsBar /> : null}
        <ol className="mt-4 space-y-4">
          {sorted.map((thread) => (
            <LiveThreadGate key={thread.root.id} threadId={thread.root.id}>
              <li>
                <Thread thread={thread} canReply={canReply} focusedId={focusedAnnotationId} quoteLanguage={articleLanguage} />
              </li>
            </LiveThreadGate>
          ))}
        </ol>
        {moreHref ? (
          <p id="thread-list-more" className="mt-4 scroll-mt-24 text-sm">
            {t("showing", { shown: sorted.length, total })}{" "}
            <a href={moreHref} className="font-medium underline underline-offset-4">
              {t("showMore")}
            </a>
          </p>
        ) : null}
        {orphaned.length ? (
          <section aria-labelledby="orphaned-title" className="mt-8">
            <h3 id="orphaned-title" className="font-semibold">
              {t("orphanedTitle", { count: Math.max(orphanedTotal, orphaned.length) })}
            </h3>
            <p className="mt-1 text-sm text-[var(--color-muted)]">{t("orphanedBody")}</p>
            <ol className="mt-3 space-y-4">
              {orphaned.map((thread) => (
                <li key={thread.root.id}>
                  <Thread thread={thread} canReply={canReply} focusedId={focusedAnnotationId} quoteLanguage={articleLanguage} />
                </li>
              ))}
            </ol>
            {moreOrphansHref ? (
              <p id="orphaned-more" className="mt-4 scroll-mt-24 text-sm">
                {t("showing", { shown: orphaned.length, total: orphanedTotal })}{" "}
                <a href={moreOrphansHref} className="font-medium underline underline-offset-4">
                  {t("showMoreOrphaned")}
                </a>
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
      </DiscussionSheet>
    </section>
  );
}
