import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { noticeInEnglish } from "@/lib/moderation/notice";

/**
 * A notification as one English sentence, for email. Moderation notices are
 * stored as a code and values (lib/moderation/notice.ts); the others store the
 * post's excerpt, and the app translates the sentence around it.
 */
export function describeNotification(notification: { kind: NotificationKind; text: string; actorHandle: string | null }): string {
  const who = notification.actorHandle ? `@${notification.actorHandle}` : "Someone";
  switch (notification.kind) {
    case "REPLY":
      return `${who} replied to your annotation: “${notification.text}”`;
    case "THREAD_REPLY":
      return `${who} replied in a thread you took part in: “${notification.text}”`;
    case "MENTION":
      return `${who} mentioned you: “${notification.text}”`;
    case "MODERATION":
      return noticeInEnglish(notification.text);
  }
}

/** Markdown reduced to one short plain line for a notice: no markup, links or line breaks survive. */
export function plainExcerpt(markdown: string, max = 140): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    // Underscores stay: they are part of handles, and emphasis with them reads fine as plain text.
    .replace(/^\s*(?:[>#]+\s*)+/gm, "")
    .replace(/[*`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const points = Array.from(plain);
  return points.length > max ? `${points.slice(0, max - 1).join("").trimEnd()}…` : plain;
}
