import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdempotencyClaim } from "@/lib/data/idempotency/idempotency-key";
import { writeOnce } from "@/lib/data/idempotency/write-once";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import { notifyAboutPost } from "@/lib/data/notifications/notify-about-post";
import { sendImmediateEmails } from "@/lib/data/notifications/send-notification-emails";
import { afterPost } from "./post-moderation";

/** What publishing needs to know of the row `insert` created. */
export type PublishedRow = Parameters<typeof notifyAboutPost>[1] & { articleId: string };

/**
 * Publishes a new annotation or reply: the row, its live event and its
 * notifications commit together (with the Idempotency-Key's record, when there
 * is a claim), or none of them do. Then the mail due at once goes out, and a
 * post with a body meets the automatic checks (the same text posted again).
 */
export async function publishPost<R extends Prisma.InputJsonValue>(
  actor: Viewer,
  claim: IdempotencyClaim | null,
  insert: (tx: Prisma.TransactionClient) => Promise<PublishedRow>,
  answer: (row: PublishedRow) => R,
): Promise<R> {
  const written: { toEmail: string[]; post?: { id: string; body: string | null } } = { toEmail: [] };
  const result = await writeOnce(actor.id, claim, async (tx) => {
    const row = await insert(tx);
    await recordLiveEvent(tx, { articleId: row.articleId, annotationId: row.id, kind: "annotation.created" });
    written.toEmail = await notifyAboutPost(tx, row);
    written.post = { id: row.id, body: row.body };
    return answer(row);
  });
  await sendImmediateEmails(written.toEmail);
  if (written.post?.body) await afterPost(actor, { id: written.post.id, body: written.post.body });
  return result;
}
