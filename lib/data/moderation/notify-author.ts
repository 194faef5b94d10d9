import "server-only";
import { createNotifications } from "@/lib/data/notifications/create-notifications";
import { getDb } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { emailTranslator, noticeForEmail } from "@/lib/mail/email-translator";
import { moderationNoticeEmail } from "@/lib/mail/templates";
import { getSiteUrl } from "@/lib/site-url";
import type { Transaction } from "./audit-log";

export interface ModerationNotice {
  userId: string;
  annotationId: string | null;
  /** One plain sentence: what happened, with the reason. */
  text: string;
}

/**
 * The in-app notice, written with the action so neither exists without the
 * other, as the author's notification preferences allow.
 */
export async function createModerationNotification(tx: Transaction, notice: ModerationNotice): Promise<void> {
  await createNotifications(tx, [{ userId: notice.userId, kind: "MODERATION", annotationId: notice.annotationId, actorId: null, text: notice.text }]);
}

/**
 * The same notice by email, after the transaction committed, when the author
 * wants moderation notices by email at once (the default); a digest picks up
 * the others. Claiming the row first means it is never sent twice. A mail
 * failure must not undo a moderator's decision, so it is logged and swallowed.
 */
export async function emailModerationNotice(user: { email: string; name: string }, notice: ModerationNotice): Promise<void> {
  try {
    const origin = (await getSiteUrl()).origin;
    const { count } = await getDb().notification.updateMany({
      where: { userId: notice.userId, kind: "MODERATION", text: notice.text, emailDelivery: "IMMEDIATE", emailedAt: null },
      data: { emailedAt: new Date() },
    });
    if (count === 0) return;
    const url = notice.annotationId ? `${origin}/a/${notice.annotationId}` : `${origin}/account`;
    await sendMail({ to: user.email, ...moderationNoticeEmail(await emailTranslator(), { name: user.name, text: await noticeForEmail(notice.text), url }) });
  } catch (error) {
    console.error("moderation notice email failed", error);
  }
}
