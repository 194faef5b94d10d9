import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { digestEmail, notificationEmail } from "@/lib/mail/notification-templates";
import { sendMail } from "@/lib/mail/send-mail";
import { describeNotification } from "@/lib/notifications/describe";
import { getSiteUrl } from "@/lib/site-url";
import { NOTIFICATION_STILL_SHOWN_SQL } from "./still-shown";

interface ClaimedRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  text: string;
  annotationId: string | null;
  email: string;
  name: string;
  actorHandle: string | null;
  /**
   * False when the post it is about was hidden or deleted since, or the address was never verified (anyone
   * can sign up with someone else's): claimed, so it is not tried again, and not sent.
   */
  mailable: boolean;
}

/**
 * Marks rows as emailed and returns them in one statement. The row locks
 * with SKIP LOCKED mean two instances (or a cron run beside the app) never
 * claim the same row, so nothing is sent twice.
 */
async function claim(where: Prisma.Sql): Promise<ClaimedRow[]> {
  return getDb().$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE "Notification" n SET "emailedAt" = now()
       WHERE n.id IN (SELECT id FROM "Notification" WHERE "emailedAt" IS NULL AND ${where} ORDER BY "createdAt" FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n."userId", n.kind, n.text, n."annotationId", n."actorId", n."createdAt"
    )
    SELECT n.id, n."userId", n.kind, n.text, n."annotationId", u.email, u.name, actor.handle AS "actorHandle",
           (u."emailVerifiedAt" IS NOT NULL AND ${Prisma.raw(NOTIFICATION_STILL_SHOWN_SQL)}) AS "mailable"
      FROM claimed n
      JOIN "User" u ON u.id = n."userId"
      LEFT JOIN "User" actor ON actor.id = n."actorId"
     ORDER BY n."createdAt"`;
}

async function links() {
  // The digest runner works outside any request, where only APP_URL can say where the site is.
  const origin = (await getSiteUrl()).origin;
  return { origin, settingsUrl: `${origin}/notifications/settings`, urlFor: (row: ClaimedRow) => (row.annotationId ? `${origin}/a/${row.annotationId}` : `${origin}/notifications`) };
}

/** Emails notifications set to go out at once; called after the transaction that made them commits. A failure is logged, never undoes the post. */
export async function sendImmediateEmails(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const rows = await claim(Prisma.sql`"emailDelivery" = 'IMMEDIATE' AND id IN (${Prisma.join([...ids])})`);
    const { settingsUrl, urlFor } = await links();
    for (const row of rows.filter((claimed) => claimed.mailable)) {
      await sendOrRelease([row.id], () => sendMail({ to: row.email, ...notificationEmail({ name: row.name, sentence: describeNotification(row), url: urlFor(row), settingsUrl }) }));
    }
  } catch (error) {
    console.error("notification email failed", error);
  }
}

/**
 * Sends one email for the claimed rows. When sending fails (the mail server
 * refused or was unreachable), the rows are released for the next run instead
 * of staying marked as emailed, and the people after this one still get theirs.
 */
async function sendOrRelease(ids: string[], send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    console.error("notification email failed; kept for the next run", error);
    await getDb().notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: null } });
    return false;
  }
}

/**
 * Sends one digest per person whose oldest waiting digest item is older than
 * `olderThanMs` (a day by default; 0 sends everything waiting, for a cron run
 * or a test), leaving out items about posts since hidden or deleted. Returns
 * how many digests went out.
 */
export async function sendDigests(options: { olderThanMs?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 86_400_000));
  const rows = await claim(Prisma.sql`"emailDelivery" = 'DIGEST' AND "userId" IN (
      SELECT "userId" FROM "Notification" WHERE "emailDelivery" = 'DIGEST' AND "emailedAt" IS NULL GROUP BY "userId" HAVING min("createdAt") <= ${cutoff})`);
  const byUser = new Map<string, ClaimedRow[]>();
  for (const row of rows.filter((claimed) => claimed.mailable)) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const { settingsUrl, urlFor } = await links();
  let sent = 0;
  for (const items of byUser.values()) {
    const first = items[0]!;
    const digest = digestEmail({ name: first.name, items: items.map((row) => ({ sentence: describeNotification(row), url: urlFor(row) })), settingsUrl });
    if (await sendOrRelease(items.map((row) => row.id), () => sendMail({ to: first.email, ...digest }))) sent++;
  }
  return sent;
}
