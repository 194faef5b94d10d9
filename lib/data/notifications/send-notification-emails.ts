import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { digestEmail, notificationEmail } from "@/lib/mail/notification-templates";
import { sendMail } from "@/lib/mail/send-mail";
import { describeNotification } from "@/lib/notifications/describe";
import { getSiteUrl } from "@/lib/site-url";

interface ClaimedRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  text: string;
  annotationId: string | null;
  email: string;
  name: string;
  actorHandle: string | null;
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
    SELECT c.id, c."userId", c.kind, c.text, c."annotationId", u.email, u.name, a.handle AS "actorHandle"
      FROM claimed c
      JOIN "User" u ON u.id = c."userId"
      LEFT JOIN "User" a ON a.id = c."actorId"
     ORDER BY c."createdAt"`;
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
    for (const row of rows) {
      await sendMail({ to: row.email, ...notificationEmail({ name: row.name, sentence: describeNotification(row), url: urlFor(row), settingsUrl }) });
    }
  } catch (error) {
    console.error("notification email failed", error);
  }
}

/**
 * Sends one digest per person whose oldest waiting digest item is older than
 * `olderThanMs` (a day by default; 0 sends everything waiting, for a cron run
 * or a test). Returns how many digests went out.
 */
export async function sendDigests(options: { olderThanMs?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 86_400_000));
  const rows = await claim(Prisma.sql`"emailDelivery" = 'DIGEST' AND "userId" IN (
      SELECT "userId" FROM "Notification" WHERE "emailDelivery" = 'DIGEST' AND "emailedAt" IS NULL GROUP BY "userId" HAVING min("createdAt") <= ${cutoff})`);
  const byUser = new Map<string, ClaimedRow[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const { settingsUrl, urlFor } = await links();
  for (const items of byUser.values()) {
    const first = items[0]!;
    await sendMail({ to: first.email, ...digestEmail({ name: first.name, items: items.map((row) => ({ sentence: describeNotification(row), url: urlFor(row) })), settingsUrl }) });
  }
  return byUser.size;
}
