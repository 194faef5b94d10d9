import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/viewer";
import { logActions, type LogAction } from "@/lib/data/moderation/audit-log";
import { listModerationLog } from "@/lib/data/moderation/moderation-log";
import { logFiltersSchema } from "@/lib/validation/moderation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.log");
  return { title: t("metaTitle"), robots: { index: false } };
}

const isLogAction = (value: string): value is LogAction => (logActions as readonly string[]).includes(value);

/** A state as "key: value" pairs, short enough for a table cell; the keys are the stored field names. */
function describeState(state: unknown, none: string): string {
  if (!state || typeof state !== "object" || Array.isArray(state)) return "—";
  const parts = Object.entries(state as Record<string, unknown>).map(([key, value]) => `${key}: ${value === null ? none : String(value)}`);
  return parts.length ? parts.join(", ") : "—";
}

/** The audit log: every moderation action, filterable, read-only. */
export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireRole("MODERATOR");
  const raw = await searchParams;
  const filters = logFiltersSchema.parse(raw);
  const [{ entries, nextBefore }, t, format] = await Promise.all([listModerationLog(viewer, filters), getTranslations("moderation.log"), getFormatter()]);
  const actionName = (action: string) => (isLogAction(action) ? t(`actions.${action}`) : action.replace(/_/g, " "));
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, String(value));
    return `/moderation/log?${params.toString()}`;
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <a href="/moderation" className="font-medium underline underline-offset-4">
          {t("reviewQueue")}
        </a>
      </div>
      <p className="mt-2 text-[var(--color-muted)]">{t("intro")}</p>
      <form className="mt-6 flex flex-wrap items-end gap-2" action="/moderation/log">
        <div>
          <label htmlFor="log-action" className="block text-sm font-medium">
            {t("action")}
          </label>
          <select id="log-action" name="action" defaultValue={filters.action ?? ""} className="mt-1 min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2">
            <option value="">{t("anyAction")}</option>
            {logActions.map((action) => (
              <option key={action} value={action}>
                {actionName(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-actor" className="block text-sm font-medium">
            {t("moderator")}
          </label>
          <input id="log-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder={t("handlePlaceholder")} className="mt-1 block min-h-10 w-40 rounded-md border border-[var(--color-field-border)] bg-transparent px-2" />
        </div>
        <div>
          <label htmlFor="log-target" className="block text-sm font-medium">
            {t("author")}
          </label>
          <input id="log-target" name="target" defaultValue={filters.target ?? ""} placeholder={t("handlePlaceholder")} className="mt-1 block min-h-10 w-40 rounded-md border border-[var(--color-field-border)] bg-transparent px-2" />
        </div>
        {filters.annotation ? <input type="hidden" name="annotation" value={filters.annotation} /> : null}
        <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
          {t("filter")}
        </button>
        {filters.action || filters.actor || filters.target || filters.annotation ? (
          <a href="/moderation/log" className="min-h-10 px-2 py-2 text-sm underline underline-offset-4">
            {t("clear")}
          </a>
        ) : null}
      </form>
      {filters.annotation ? <p className="mt-3 text-sm">{t("oneAnnotation")}</p> : null}
      {entries.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-[var(--color-rule)]">
                <th scope="col" className="py-2 pr-3 font-semibold">{t("when")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("who")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("action")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("on")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("reason")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("before")}</th>
                <th scope="col" className="py-2 font-semibold">{t("after")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-[var(--color-rule)] align-top" data-log-action={entry.action}>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <time dateTime={entry.createdAt}>{format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</time>
                  </td>
                  <td className="py-2 pr-3">{entry.actorHandle ? `@${entry.actorHandle}` : entry.action === "role_change" ? t("operator") : t("automatic")}</td>
                  <td className="py-2 pr-3 font-medium">{actionName(entry.action)}</td>
                  <td className="py-2 pr-3">
                    {entry.targetHandle ? `@${entry.targetHandle}` : ""}
                    {entry.annotationId ? (
                      <>
                        {entry.targetHandle ? " · " : ""}
                        <a href={`/moderation?annotation=${entry.annotationId}&status=all`} className="underline underline-offset-4">
                          {t("annotation")}
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td className="max-w-64 py-2 pr-3 break-words">{entry.reason ?? "—"}</td>
                  <td translate="no" className="max-w-56 py-2 pr-3 break-words text-[var(--color-muted)]">{describeState(entry.before, t("none"))}</td>
                  <td translate="no" className="max-w-56 py-2 break-words">{describeState(entry.after, t("none"))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <p className="mt-4">
          <a href={query({ before: nextBefore })} className="font-medium underline underline-offset-4">
            {t("older")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
