import "server-only";
import { getTranslations } from "next-intl/server";
import { sendMail } from "@/lib/mail/send-mail";
import { moderationNoticeEmail } from "@/lib/mail/templates";
import { getSiteUrl } from "@/lib/site-url";
import type { Transaction } from "./audit-log";

export interface ModerationNotice {
  userId: string;
  annotationId: string | null;
  /** One plain sentence: what happened, with the reason. */
  text: string;
}

/** The in-app notice, written with the action so neither exists without the other. */
export async function createModerationNotification(tx: Transaction, notice: ModerationNotice): Promise<void> {
  await tx.notification.create({ data: { userId: notice.userId, kind: "MODERATION", annotationId: notice.annotationId, text: notice.text } });
}

/**
 * The same notice by email, after the transaction committed. A mail failure
 * must not undo a moderator's decision, so it is logged and swallowed.
 */
export async function emailModerationNotice(user: { email: string; name: string }, notice: ModerationNotice): Promise<void> {
  try {
    const origin = (await getSiteUrl()).origin;
    const url = notice.annotationId ? `${origin}/a/${notice.annotationId}` : `${origin}/account`;
    await sendMail({ to: user.email, ...moderationNoticeEmail(await getTranslations("emails"), { name: user.name, text: notice.text, url }) });
  } catch (error) {
    console.error("moderation notice email failed", error);
  }
}
