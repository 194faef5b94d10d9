import type { AnnotationView, ThreadView } from "@/lib/data/annotations/list-article-annotations";
import { buildThread, countReplies, sortThreads, threadSorts, type ThreadNode, type ThreadSort } from "@/lib/threads/build-thread";
import { filtersToParams, type DiscussionFilters } from "@/lib/validation/discussion-filters";
import { DiscussionFilterForm } from "./discussion-filters";
import { LiveThreadGate } from "@/components/live/live-thread-gate";
import { NewThreadsBar } from "@/components/live/new-threads-bar";
import { AnnotationActions } from "./annotation-actions";
import { DiscussionSheet } from "./discussion-sheet";
import { ReplyForm } from "./reply-form";
import { SourceCards } from "./source-cards";

const SORT_LABELS: Record<ThreadSort, string> = {
  position: "Position in the article",
  newest: "Newest",
  oldest: "Oldest",
  helpful: "Most helpful",
  replies: "Most replies",
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Evidence({ evidence }: { evidence: ThreadView["evidence"] }) {
  const parts = [
    evidence.SUPPORTS ? `${evidence.SUPPORTS} source${evidence.SUPPORTS === 1 ? "" : "s"} support${evidence.SUPPORTS === 1 ? "s" : ""}` : null,
    evidence.DISPUTES ? `${evidence.DISPUTES} dispute${evidence.DISPUTES === 1 ? "s" : ""}` : null,
    evidence.CONTEXT ? `${evidence.CONTEXT} give${evidence.CONTEXT === 1 ? "s" : ""} context` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="mt-2 text-sm font-medium">Evidence: {parts.join(" · ")}</p>;
}

function Annotation({ item, quote, inReplyTo, focusedId }: { item: AnnotationView; quote: string; inReplyTo?: string | null; focusedId?: string }) {
  const isFocused = item.id === focusedId;
  return (
    <div
      id={`annotation-${item.id}`}
      tabIndex={isFocused ? -1 : undefined}
      aria-current={isFocused ? "true" : undefined}
      className={`scroll-mt-24 ${isFocused ? "-mx-2 rounded-md px-2 py-1 ring-2 ring-[var(--color-accent)]" : ""}`}
    >
      <p className="text-sm text-[var(--color-muted)]">
        <span className="font-medium text-[var(--color-ink)]">{item.authorHandle ? `@${item.authorHandle}` : "deleted user"}</span>
        {item.isOwn ? " (you)" : ""}
        {inReplyTo ? ` · in reply to @${inReplyTo}` : ""} · <time dateTime={item.createdAt}>{dateTime.format(new Date(item.createdAt))}</time>
        {item.editedAt ? (
          <>
            {" "}
            · <span title={`Edited ${dateTime.format(new Date(item.editedAt))} UTC`}>edited</span>
          </>
        ) : null}
        {item.isPrivate ? " · only you" : ""}
      </p>
      {item.moderation ? (
        <p className="mt-1 rounded-md border-l-4 border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
          <span className="font-semibold">{item.moderation.status === "HIDDEN" ? "Hidden by moderators" : "Waiting for review"}</span>
          {" — only you can see this."}
          {item.moderation.reason ? ` ${item.moderation.reason}` : ""}
        </p>
      ) : null}
      {item.isDeleted ? (
        <p className="mt-1 italic text-[var(--color-muted)]">[deleted]</p>
      ) : item.bodyHtml ? (
        // Rendered from Markdown and cleaned by an allow-list sanitizer on the server.
        <div className="annotation-body mt-1 leading-relaxed" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      ) : null}
      {item.tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
          {item.tags.map((tag) => (
            <li key={tag} className="rounded-full border border-[var(--color-rule)] px-2 py-0.5 text-xs">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      <SourceCards sources={item.sources} />
      <AnnotationActions item={item} quote={quote} />
    </div>
  );
}

type DisplayItem = Omit<AnnotationView, "createdAt"> & { createdAt: Date };

function Replies({ nodes, quote, focusedId }: { nodes: ThreadNode<DisplayItem>[]; quote: string; focusedId?: string }) {
  if (nodes.length === 0) return null;
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-[var(--color-rule)] pl-3">
      {nodes.map((node) => (
        <li key={node.item.id}>
          <Annotation item={{ ...node.item, createdAt: node.item.createdAt.toISOString() }} quote={quote} inReplyTo={node.inReplyTo} focusedId={focusedId} />
          <Replies nodes={node.children} quote={quote} focusedId={focusedId} />
        </li>
      ))}
    </ol>
  );
}

function Thread({ thread, canReply, focusedId }: { thread: ThreadView; canReply: boolean; focusedId?: string }) {
  const tree = buildThread<DisplayItem>(
    { ...thread.root, createdAt: new Date(thread.root.createdAt), parentId: null },
    thread.replies.map((reply) => ({ ...reply, createdAt: new Date(reply.createdAt) })),
  );
  const replyCount = countReplies(tree);
  return (
    <article id={`thread-${thread.root.id}`} tabIndex={-1} aria-label={`Thread on “${thread.quote.slice(0, 60)}”`} className="scroll-mt-24 rounded-md border border-[var(--color-rule)] p-4 target:ring-2 target:ring-[var(--color-accent)]">
      <blockquote className="border-l-4 border-[var(--color-highlight-3)] pl-3 font-serif italic leading-relaxed">
        {thread.quote.length > 280 ? `${thread.quote.slice(0, 280)}…` : thread.quote}
      </blockquote>
      {thread.isHighlightOnly ? (
        <div className="mt-3">
          <p className="text-sm text-[var(--color-muted)]">Your private highlight.</p>
          <AnnotationActions item={thread.root} quote={thread.quote} />
        </div>
      ) : (
        <div className="mt-3">
          <Annotation item={thread.root} quote={thread.quote} focusedId={focusedId} />
          <Evidence evidence={thread.evidence} />
          <details open className="mt-3">
            <summary className="min-h-6 cursor-pointer text-sm font-medium">
              {replyCount === 0 ? "No replies yet" : `${replyCount} ${replyCount === 1 ? "reply" : "replies"}`}
            </summary>
            <Replies nodes={tree.children} quote={thread.quote} focusedId={focusedId} />
            {thread.isLocked ? (
              <p className="mt-3 text-sm font-medium">
                <span aria-hidden="true">🔒 </span>Locked by moderators: this thread takes no new replies.
              </p>
            ) : canReply && thread.root.can.reply ? (
              <ReplyForm parentId={thread.root.id} />
            ) : null}
          </details>
        </div>
      )}
    </article>
  );
}

export function ThreadPanel({
  threads,
  orphaned,
  total,
  moreHref,
  sort,
  slug,
  viewer,
  focusedAnnotationId,
  isLive = false,
  filters = {},
}: {
  /** The threads shown, placed in this version: a page of them when there are many. */
  threads: ThreadView[];
  orphaned: ThreadView[];
  /** How many threads are placed in this version in all. */
  total: number;
  /** The page showing more threads, when some are not shown yet. */
  moreHref?: string;
  sort: ThreadSort;
  slug: string;
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
  const canReply = Boolean(viewer?.isEmailVerified) && !viewer?.suspensionNotice;
  return (
    <section aria-labelledby="discussion-title" className="mt-12 border-t border-[var(--color-rule)] pb-20 pt-8 lg:mt-0 lg:border-0 lg:pb-0 lg:pt-0">
      <DiscussionSheet count={total}>
      <div className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-1">
        <h2 id="discussion-title" className="text-xl font-semibold">
          Discussion <span className="text-base font-normal text-[var(--color-muted)]">({total.toLocaleString("en")})</span>
        </h2>
        {!viewer ? (
          <p className="mt-2 text-sm leading-relaxed text-[var(--color-muted)]">
            <a href={`/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}`)}`} className="font-medium text-[var(--color-ink)] underline underline-offset-4">
              Sign in
            </a>{" "}
            to highlight and annotate. Select text in the article to begin.
          </p>
        ) : viewer.suspensionNotice ? (
          <p role="status" className="mt-2 rounded-md border-l-4 border-red-700 bg-[var(--color-rule)]/25 px-3 py-2 text-sm leading-relaxed dark:border-red-400">
            {viewer.suspensionNotice} You can read, but not post, reply, flag or vote.
          </p>
        ) : !viewer.isEmailVerified ? (
          <p className="mt-2 text-sm leading-relaxed">
            <a href="/verify-email" className="font-medium underline underline-offset-4">
              Verify your email address
            </a>{" "}
            to annotate, reply and vote.
          </p>
        ) : (
          <p className="mt-2 text-sm text-[var(--color-muted)]">Select text in the article to highlight or annotate it.</p>
        )}
        <DiscussionFilterForm slug={slug} sort={sort} filters={filters} signedIn={viewer !== null} matchCount={total + orphaned.length} />
        {total > 1 ? (
          <form className="mt-4 flex flex-wrap items-end gap-2" action={`/articles/${slug}`}>
            {Object.entries(filtersToParams(filters)).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div>
              <label htmlFor="thread-sort" className="block text-sm font-medium">
                Sort threads
              </label>
              <select id="thread-sort" name="sort" defaultValue={sort} className="mt-1 min-h-10 rounded-md border border-[var(--color-rule)] bg-[var(--color-paper)] px-2">
                {threadSorts.map((value) => (
                  <option key={value} value={value}>
                    {SORT_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
              Sort
            </button>
          </form>
        ) : null}
        {isLive ? <NewThreadsBar /> : null}
        <ol className="mt-4 space-y-4">
          {sorted.map((thread) => (
            <LiveThreadGate key={thread.root.id} threadId={thread.root.id}>
              <li>
                <Thread thread={thread} canReply={canReply} focusedId={focusedAnnotationId} />
              </li>
            </LiveThreadGate>
          ))}
        </ol>
        {moreHref ? (
          <p id="thread-list-more" className="mt-4 scroll-mt-24 text-sm">
            Showing {sorted.length.toLocaleString("en")} of {total.toLocaleString("en")} threads.{" "}
            <a href={moreHref} className="font-medium underline underline-offset-4">
              Show more threads
            </a>
          </p>
        ) : null}
        {orphaned.length ? (
          <section aria-labelledby="orphaned-title" className="mt-8">
            <h3 id="orphaned-title" className="font-semibold">
              Orphaned ({orphaned.length})
            </h3>
            <p className="mt-1 text-sm text-[var(--color-muted)]">The article changed and these passages could not be found in this version. Their original quotes are kept.</p>
            <ol className="mt-3 space-y-4">
              {orphaned.map((thread) => (
                <li key={thread.root.id}>
                  <Thread thread={thread} canReply={canReply} focusedId={focusedAnnotationId} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      </DiscussionSheet>
    </section>
  );
}
