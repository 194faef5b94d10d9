import type { Metadata } from "next";
import { QueueItemActions } from "@/components/moderation/queue-item-actions";
import { QueueShortcuts } from "@/components/moderation/queue-shortcuts";
import { PreModerationSwitch } from "@/components/moderation/pre-moderation-switch";
import { requireRole } from "@/lib/auth/viewer";
import { listArticlesForModeration, listReviewQueue, type QueueItem } from "@/lib/data/moderation/review-queue";
import { flagReasonLabels, flagReasons, queueFiltersSchema, queueStatuses } from "@/lib/validation/moderation";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

const STATUS_LABELS: Record<(typeof queueStatuses)[number], string> = { open: "Waiting for review", hidden: "Hidden", resolved: "Resolved", all: "Everything flagged or held" };
const ITEM_STATUS: Record<QueueItem["status"], string> = { VISIBLE: "Public", PENDING: "Held for review", HIDDEN: "Hidden by moderators" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function accountAge(joinedAt: string): string {
  const days = Math.floor((Date.now() - new Date(joinedAt).getTime()) / 86_400_000);
  if (days < 1) return "joined today";
  return days === 1 ? "joined 1 day ago" : `joined ${days} days ago`;
}

function FlagSummary({ item }: { item: QueueItem }) {
  const reasons = Object.entries(item.flags.byReason).map(([reason, count]) => `${flagReasonLabels[reason as keyof typeof flagReasonLabels]} × ${count}`);
  return (
    <div className="mt-3 text-sm">
      <p className="font-medium">
        {item.flags.open > 0 ? `${item.flags.open} open flag${item.flags.open === 1 ? "" : "s"}` : "No open flags"}
        {item.flags.total > item.flags.open ? ` (${item.flags.total} in all)` : ""}
        {reasons.length ? `: ${reasons.join(", ")}` : ""}
        {item.flags.automatic ? ` · ${item.flags.automatic} raised automatically` : ""}
      </p>
      {item.flags.notes.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[var(--color-muted)]">
          {item.flags.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function QueueEntry({ item, index }: { item: QueueItem; index: number }) {
  const titleId = `queue-item-${item.id}`;
  return (
    <article data-queue-item tabIndex={-1} aria-labelledby={titleId} className="scroll-mt-4 rounded-md border border-[var(--color-rule)] p-4 focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]">
      <h3 id={titleId} className="text-base font-semibold">
        <span className="sr-only">Item {index + 1}: </span>
        {item.isRoot ? "Annotation" : "Reply"} by {item.author ? `@${item.author.handle}` : "a deleted user"} on{" "}
        <a href={`/articles/${item.article.slug}`} className="underline underline-offset-4">
          {item.article.title}
        </a>
      </h3>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        <span className="font-medium text-[var(--color-ink)]">{ITEM_STATUS[item.status]}</span>
        {item.statusReason ? ` — ${item.statusReason}` : ""}
        {item.isLocked ? " · thread locked" : ""} · posted <time dateTime={item.createdAt}>{dateTime.format(new Date(item.createdAt))} UTC</time> ·{" "}
        <a href={`/a/${item.id}`} className="underline underline-offset-4">
          permalink
        </a>{" "}
        ·{" "}
        <a href={`/moderation/log?annotation=${item.id}`} className="underline underline-offset-4">
          history
        </a>
      </p>
      <blockquote className="mt-3 border-l-4 border-[var(--color-highlight-3)] pl-3 font-serif italic leading-relaxed">{item.quote.length > 280 ? `${item.quote.slice(0, 280)}…` : item.quote}</blockquote>
      {item.bodyHtml ? (
        // Rendered from Markdown and cleaned by an allow-list sanitizer on the server.
        <div className="annotation-body mt-3 rounded-md bg-[var(--color-rule)]/25 p-3 leading-relaxed" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      ) : (
        <p className="mt-3 italic text-[var(--color-muted)]">[deleted]</p>
      )}
      <FlagSummary item={item} />
      {item.thread.length > 1 ? (
        <details className="mt-3 text-sm">
          <summary className="min-h-6 cursor-pointer font-medium">The thread ({item.thread.length} posts)</summary>
          <ol className="mt-2 space-y-2 border-l-2 border-[var(--color-rule)] pl-3">
            {item.thread.map((post) => (
              <li key={post.id} className={post.isThis ? "font-medium" : ""}>
                <span className="text-[var(--color-muted)]">
                  {post.authorHandle ? `@${post.authorHandle}` : "deleted user"}
                  {post.isThis ? " (this item)" : ""}
                  {post.status !== "VISIBLE" ? ` · ${ITEM_STATUS[post.status as QueueItem["status"]]}` : ""}
                </span>
                {post.bodyHtml ? <div className="annotation-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} /> : <p className="italic">[deleted]</p>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {item.author ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-[var(--color-muted)]">Author</dt>
          <dd>
            {item.author.name} (@{item.author.handle}){item.author.role !== "READER" ? `, ${item.author.role.toLowerCase()}` : ""}, {accountAge(item.author.joinedAt)}
          </dd>
          <dt className="text-[var(--color-muted)]">History</dt>
          <dd>
            {item.author.earlierHides} hidden before · {item.author.suspensions} suspension{item.author.suspensions === 1 ? "" : "s"}
            {item.author.isMarkedSpammer ? " · marked as spammer" : ""}
          </dd>
          {item.author.activeSuspension ? (
            <>
              <dt className="text-[var(--color-muted)]">Suspended</dt>
              <dd>
                {item.author.activeSuspension.endsAt ? `until ${dateTime.format(new Date(item.author.activeSuspension.endsAt))} UTC` : "permanently"}: {item.author.activeSuspension.reason}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <QueueItemActions
        annotationId={item.id}
        revision={item.revision}
        actions={item.actions}
        author={item.author ? { id: item.author.id, handle: item.author.handle, revision: item.author.revision, actions: item.userActions } : null}
      />
    </article>
  );
}

/** The review queue for moderators and admins; everyone else gets the ordinary 404. */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireRole("MODERATOR");
  const filters = queueFiltersSchema.parse(await searchParams);
  const [items, articles] = await Promise.all([listReviewQueue(viewer, filters), listArticlesForModeration()]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <QueueShortcuts />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Moderation</h1>
        <a href="/moderation/log" className="font-medium underline underline-offset-4">
          Audit log
        </a>
      </div>
      <p className="mt-2 text-[var(--color-muted)]">
        Signed in as @{viewer.handle}, {viewer.role === "ADMIN" ? "admin" : "moderator"}.
      </p>
      <section aria-labelledby="pre-moderation-title" className="mt-6">
        <h2 id="pre-moderation-title" className="text-lg font-semibold">
          Pre-moderation
        </h2>
        <ul className="mt-2 space-y-2">
          {articles.map((article) => (
            <li key={article.id}>
              <PreModerationSwitch articleId={article.id} title={article.title} enabled={article.preModeration} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="queue-title" className="mt-8">
        <h2 id="queue-title" className="text-xl font-semibold">
          Review queue <span className="text-base font-normal text-[var(--color-muted)]">({items.length}{items.length === 30 ? "+" : ""})</span>
        </h2>
        <p className="mt-1 text-sm text-[var(--color-muted)]">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> next and previous item, <kbd>a</kbd> approve, <kbd>h</kbd> hide, <kbd>r</kbd> restore, <kbd>l</kbd> lock, <kbd>s</kbd> suspend. Hide, lock and suspend ask for a reason first.
        </p>
        <form className="mt-4 flex flex-wrap items-end gap-2" action="/moderation">
          <div>
            <label htmlFor="queue-status" className="block text-sm font-medium">
              Status
            </label>
            <select id="queue-status" name="status" defaultValue={filters.status} className="mt-1 min-h-10 rounded-md border border-[var(--color-rule)] bg-[var(--color-paper)] px-2">
              {queueStatuses.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-reason" className="block text-sm font-medium">
              Reason
            </label>
            <select id="queue-reason" name="reason" defaultValue={filters.reason ?? ""} className="mt-1 min-h-10 rounded-md border border-[var(--color-rule)] bg-[var(--color-paper)] px-2">
              <option value="">Any reason</option>
              {flagReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {flagReasonLabels[reason]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
            Filter
          </button>
        </form>
        {items.length === 0 ? (
          <p className="mt-6 leading-relaxed">Nothing matches: the queue is clear.</p>
        ) : (
          <ol className="mt-6 space-y-6">
            {items.map((item, index) => (
              <li key={item.id}>
                <QueueEntry item={item} index={index} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
