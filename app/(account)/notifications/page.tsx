import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications/notification-actions";
import { requireViewer } from "@/lib/auth/viewer";
import { listNotifications, type NotificationView } from "@/lib/data/notifications/list-notifications";
import { wordNotice } from "@/lib/moderation/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"notifications">>>;

/** The sentence around a notification; the post's excerpt is shown as quoted text, never as markup. */
function headline(t: T, item: NotificationView): string {
  // A deleted account has no handle: the message then says "Someone", without an @.
  const actor = { actor: item.actorHandle ?? "", hasActor: item.actorHandle ? "yes" : "no" };
  switch (item.kind) {
    case "REPLY":
      return t("reply", actor);
    case "THREAD_REPLY":
      return t("threadReply", actor);
    case "MENTION":
      return t("mention", actor);
    case "MODERATION":
      return t("moderation");
  }
}

export default async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");
  const [t, notices, format, items] = await Promise.all([getTranslations("notifications"), getTranslations("notifications.moderationNotices"), getFormatter(), listNotifications(viewer)]);
  const hasUnread = items.some((item) => !item.isRead);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <Link href="/notifications/settings" className="text-sm font-medium underline underline-offset-4">
          {t("settingsLink")}
        </Link>
      </div>
      {hasUnread ? (
        <form action={markAllNotificationsReadAction} className="mt-4">
          <Button type="submit" variant="secondary">
            {t("markAllRead")}
          </Button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p className="mt-6 leading-relaxed text-[var(--color-muted)]">{t("empty")}</p>
      ) : (
        <ol className="mt-6 divide-y divide-[var(--color-rule)] rounded-md border border-[var(--color-rule)]" aria-label={t("title")}>
          {items.map((item) => (
            <li key={item.id} className={`flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between ${item.isRead ? "" : "bg-[var(--color-highlight)]/25"}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  {item.isRead ? null : <span className="mr-2 rounded bg-[var(--color-accent)] px-1.5 py-0.5 text-xs text-[var(--color-paper)]">{t("unread")}</span>}
                  {headline(t, item)}
                </p>
                <p className="mt-1 break-words text-sm leading-relaxed">{item.kind === "MODERATION" ? wordNotice(notices, item.text) : `“${item.text}”`}</p>
                <p className="mt-1 text-xs text-[var(--color-muted)]">
                  {/* In UTC and saying so, like every other time on the site: the server cannot know the reader's zone. */}
                  <time dateTime={item.createdAt.toISOString()}>{t("time", { time: format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}</time>
                  {item.annotationId ? (
                    <>
                      {" · "}
                      <Link href={`/a/${item.annotationId}`} className="font-medium text-[var(--color-ink)] underline underline-offset-4">
                        {t("open")}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              {item.isRead ? null : (
                <form action={markNotificationReadAction} className="shrink-0">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
                    {t("markRead")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
