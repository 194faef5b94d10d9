import { useFormatter, useNow, useTranslations } from "next-intl";
import type { AnnotationView } from "@/lib/data/annotations/list-article-annotations";
import { actionProps } from "./actionable";
import { AnnotationActions } from "./annotation-actions";
import { SourceCards } from "./source-cards";

/** One annotation or reply: who and when (relative, with the exact time on hover), moderation state, body, tags, sources, actions. */
export function AnnotationItem({ item, quote, inReplyTo, focusedId }: { item: AnnotationView; quote: string; inReplyTo?: string | null; focusedId?: string }) {
  const t = useTranslations("annotations.item");
  const format = useFormatter();
  const now = useNow();
  const isFocused = item.id === focusedId;
  const exact = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  return (
    <div
      id={`annotation-${item.id}`}
      tabIndex={isFocused ? -1 : undefined}
      aria-current={isFocused ? "true" : undefined}
      className={`scroll-mt-24 ${isFocused ? "-mx-2 rounded-md px-2 py-1 ring-2 ring-[var(--color-accent)]" : ""}`}
    >
      <p className="text-sm text-[var(--color-muted)]">
        <span className="font-medium text-[var(--color-ink)]">{item.authorHandle ? `@${item.authorHandle}` : t("deletedUser")}</span>
        {item.isOwn ? ` ${t("you")}` : ""}
        {inReplyTo ? ` · ${t("inReplyTo", { handle: inReplyTo })}` : ""} ·{" "}
        <time dateTime={item.createdAt} title={exact(item.createdAt)}>
          {format.relativeTime(new Date(item.createdAt), now)}
        </time>
        {item.editedAt ? (
          <>
            {" "}
            · <span title={t("editedAt", { date: exact(item.editedAt) })}>{t("edited")}</span>
          </>
        ) : null}
        {item.isPrivate ? ` · ${t("onlyYou")}` : ""}
      </p>
      {item.moderation ? (
        <p className="mt-1 rounded-md border-l-4 border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
          <span className="font-semibold">{item.moderation.status === "HIDDEN" ? t("hidden") : t("pending")}</span>
          {` ${t("onlyYouCanSee")}`}
          {item.moderation.reason ? ` ${item.moderation.reason}` : ""}
        </p>
      ) : null}
      {item.isDeleted ? (
        <p className="mt-1 italic text-[var(--color-muted)]">{t("deleted")}</p>
      ) : item.bodyHtml ? (
        // Rendered from Markdown and cleaned by an allow-list sanitizer on the server.
        <div className="annotation-body mt-1 leading-relaxed" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      ) : null}
      {item.tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t("tags")}>
          {item.tags.map((tag) => (
            <li key={tag} className="max-w-full rounded-full border border-[var(--color-rule)] px-2 py-0.5 text-xs wrap-anywhere">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      <SourceCards sources={item.sources} />
      <AnnotationActions {...actionProps(item, quote)} />
    </div>
  );
}
