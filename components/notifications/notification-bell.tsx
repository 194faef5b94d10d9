import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/viewer";
import { countUnreadNotifications } from "@/lib/data/notifications/list-notifications";

/** The header's bell, counted on the server with every page; a failure shows the bell without a number rather than breaking the header. */
export async function NotificationBell({ viewer, className }: { viewer: Viewer; className: string }) {
  const [t, unread] = await Promise.all([getTranslations("notifications"), countUnreadNotifications(viewer).catch(() => 0)]);
  return (
    <Link href="/notifications" className={`${className} gap-1`} aria-label={t("bellUnread", { count: unread })}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span data-testid="unread-count" className="min-w-5 rounded-full bg-[var(--color-accent)] px-1.5 text-center text-xs font-semibold leading-5 text-[var(--color-paper)]">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
