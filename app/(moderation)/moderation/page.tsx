import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { QueueItemActions } from "@/components/moderation/queue-item-actions";
import { QueueShortcuts } from "@/components/moderation/queue-shortcuts";
import { PreModerationSwitch } from "@/components/moderation/pre-moderation-switch";
import { requireRole } from "@/lib/auth/viewer";
import { listArticlesForModeration, listReviewQueue, type QueueItem } from "@/lib/data/moderation/review-queue";
import { flagReasons, queueFiltersSchema, queueStatuses, type FlagReasonName } from "@/lib/validation/moderation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.queue");
  return { title: t("metaTitle"), robots: { index: false } };
}

type T = Awaited<ReturnType<typeof getTranslations<"moderation">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/** Dates in the queue are shown in UTC with the interface language's conventions. */
function formatDateTime(format: Format, iso: string): string {
  return format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
}

function accountAge(t: T, joinedAt: string): string {
  const days = Math.floor((Date.now() - new Date(joinedAt).getTime()) / 86_400_000);
  return days < 1 ? t("item.joinedToday") : t("item.joinedDaysAgo", { days });
}

function FlagSummary({ item, t }: { item: QueueItem; t: T }) {
  const reasons = Object.entries(item.flags.byReason).map(([reason, count]) =>
    t("item.reasonCount", { reason: isFlagReason(reason) ? t(`reasons.${reason}`) : reason, count }),
  );
  return (
    <div className="mt-3 text-sm">
      <p className="font-medium">
        {t("item.openFlags", { count: item.flags.open })}
        {item.flags.total > item.flags.open ? t("item.allFlags", { count: item.flags.total }) : ""}
        {reasons.length ? t("item.reasonList", { list: reasons.join(t("item.listSeparator")) }) : ""}
        {item.flags.automatic ? t("item.automatic", { count: item.flags.automatic }) : ""}
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

const isFlagReason = (value: string): value is FlagReasonName => (flagReasons as readonly string[]).includes(value);

function QueueEntry({ item, index, t, format }: { item: QueueItem; index: number; t: T; format: Format }) {
  const titleId = `queue-item-${item.id}`;
  return (
    <article data-queue-item tabIndex={-1} aria-labelledby={titleId} className="min-w-0 scroll-mt-4 rounded-md border [overflow-wrap:anywhere] border-[var(--color-rule)] p-4 focus-visible:ring-2 focus-visible:ring-[var(--color-accent)]">
      <h3 id={titleId} className="text-base font-semibold">
        <span className="sr-only">{t("item.position", { position: index + 1 })}</span>
        {t.rich("item.heading", {
          kind: t(item.isRoot ? "item.kinds.root" : "item.kinds.reply"),
          author: item.author ? `@${item.author.handle}` : t("item.deletedUser"),
          title: item.article.title,
          link: (chunks) => (
            <a href={`/articles/${item.article.slug}`} className="underline underline-offset-4">
              {chunks}
            </a>
          ),
        })}
      </h3>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        <span className="font-medium text-[var(--color-ink)]">{t(`item.status.${item.status}`)}</span>
        {item.statusReason ? ` — ${item.statusReason}` : ""}
        {item.isLocked ? t("item.locked") : ""}
        {t("item.posted")}
        <time dateTime={item.createdAt}>{t("item.utc", { time: formatDateTime(format, item.createdAt) })}</time> ·{" "}
        <a href={`/a/${item.id}`} className="underline underline-offset-4">
          {t("item.permalink")}
        </a>{" "}
        ·{" "}
        <a href={`/moderation/log?annotation=${item.id}`} className="underline underline-offset-4">
          {t("item.history")}
        </a>
      </p>
      <blockquote className="mt-3 border-l-4 border-[var(--color-highlight-3)] pl-3 font-serif italic leading-relaxed">{item.quote.length > 280 ? `${item.quote.slice(0, 280)}…` : item.quote}</blockquote>
      {item.bodyHtml ? (
        // Rendered from Markdown and cleaned by an allow-list sanitizer on the server.
        <div className="annotation-body mt-3 rounded-md bg-[var(--color-rule)]/25 p-3 leading-relaxed" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      ) : (
        <p className="mt-3 italic text-[var(--color-muted)]">{t("item.deleted")}</p>
      )}
      <FlagSummary item={item} t={t} />
      {item.thread.length > 1 ? (
        <details className="mt-3 text-sm">
          <summary className="min-h-6 cursor-pointer font-medium">{t("item.thread", { count: item.thread.length })}</summary>
          <ol className="mt-2 space-y-2 border-l-2 border-[var(--color-rule)] pl-3">
            {item.thread.map((post) => (
              <li key={post.id} className={post.isThis ? "font-medium" : ""}>
                <span className="text-[var(--color-muted)]">
                  {post.authorHandle ? `@${post.authorHandle}` : t("item.deletedUserShort")}
                  {post.isThis ? t("item.thisItem") : ""}
                  {post.status !== "VISIBLE" ? ` · ${t(`item.status.${post.status as QueueItem["status"]}`)}` : ""}
                </span>
                {post.bodyHtml ? <div className="annotation-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} /> : <p className="italic">{t("item.deleted")}</p>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {item.author ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-[var(--color-muted)]">{t("item.author")}</dt>
          <dd>
            {item.author.name} (@{item.author.handle}){item.author.role !== "READER" ? `, ${t(`item.roles.${item.author.role}`)}` : ""}, {accountAge(t, item.author.joinedAt)}
          </dd>
          <dt className="text-[var(--color-muted)]">{t("item.authorHistory")}</dt>
          <dd>
            {t("item.authorHistoryValue", { hides: item.author.earlierHides, suspensions: item.author.suspensions })}
            {item.author.isMarkedSpammer ? t("item.spammer") : ""}
          </dd>
          {item.author.activeSuspension ? (
            <>
              <dt className="text-[var(--color-muted)]">{t("item.suspended")}</dt>
              <dd>
                {item.author.activeSuspension.endsAt ? t("item.suspendedUntil", { time: formatDateTime(format, item.author.activeSuspension.endsAt) }) : t("item.suspendedForever")}: {item.author.activeSuspension.reason}
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
  const [items, articles, t, format] = await Promise.all([listReviewQueue(viewer, filters), listArticlesForModeration(), getTranslations("moderation"), getFormatter()]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <QueueShortcuts />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("queue.title")}</h1>
        <a href="/moderation/log" className="font-medium underline underline-offset-4">
          {t("queue.auditLog")}
        </a>
      </div>
      <p className="mt-2 text-[var(--color-muted)]">
        {t("queue.signedInAs", { handle: viewer.handle, role: t(viewer.role === "ADMIN" ? "item.roles.ADMIN" : "item.roles.MODERATOR") })}
      </p>
      <section aria-labelledby="pre-moderation-title" className="mt-6">
        <h2 id="pre-moderation-title" className="text-lg font-semibold">
          {t("queue.preModeration")}
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
          {t("queue.reviewQueue")} <span className="text-base font-normal text-[var(--color-muted)]">{t("queue.count", { count: items.length, more: String(items.length === 30) })}</span>
        </h2>
        <p id="queue-keys" className="mt-1 text-sm text-[var(--color-muted)]">
          {t.rich("queue.keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
        </p>
        <form className="mt-4 flex flex-wrap items-end gap-2" action="/moderation">
          <div>
            <label htmlFor="queue-status" className="block text-sm font-medium">
              {t("queue.status")}
            </label>
            <select id="queue-status" name="status" defaultValue={filters.status} className="mt-1 min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2">
              {queueStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`queue.statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-reason" className="block text-sm font-medium">
              {t("queue.reason")}
            </label>
            <select id="queue-reason" name="reason" defaultValue={filters.reason ?? ""} className="mt-1 min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2">
              <option value="">{t("queue.anyReason")}</option>
              {flagReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`reasons.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
            {t("queue.filter")}
          </button>
        </form>
        {items.length === 0 ? (
          <p className="mt-6 leading-relaxed">{t("queue.empty")}</p>
        ) : (
          <ol className="mt-6 space-y-6">
            {items.map((item, index) => (
              <li key={item.id}>
                <QueueEntry item={item} index={index} t={t} format={format} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
