import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { recordModeration } from "@/lib/data/moderation/audit-log";
import { bodyKeyOf } from "@/lib/moderation/duplicate-body";
import { moderationConfig } from "@/lib/moderation/config";

export const PENDING_APPROVAL_REASON = "Waiting for a moderator's approval: this article's new annotations are reviewed first.";
export const PENDING_SPAM_REVIEW_REASON = "Waiting for review: a moderator marked this account as a possible spammer.";

/**
 * The moderation state a new public post starts in: pending on a
 * pre-moderated article and for accounts marked as spammers (whatever their
 * role: an admin may mark a moderator); visible otherwise. Private notes are
 * seen by their author only, so they need no review, and moderators' own
 * posts are not held by pre-moderation.
 */
export function initialModeration(actor: Viewer, post: { visibility: "PUBLIC" | "PRIVATE"; preModeration: boolean }) {
  if (post.visibility === "PRIVATE") return { moderationStatus: "VISIBLE" as const, moderationReason: null };
  if (actor.isMarkedSpammer) return { moderationStatus: "PENDING" as const, moderationReason: PENDING_SPAM_REVIEW_REASON };
  if (actor.role !== "READER") return { moderationStatus: "VISIBLE" as const, moderationReason: null };
  if (post.preModeration) return { moderationStatus: "PENDING" as const, moderationReason: PENDING_APPROVAL_REASON };
  return { moderationStatus: "VISIBLE" as const, moderationReason: null };
}

/**
 * After a post: the same text posted again and again within a short window
 * is flagged automatically as spam (each copy once), for a moderator to
 * judge. Flags, not hides: a person pasting the same correction in several
 * threads may be right. Only public posts count: private notes are nobody
 * else's business, moderators' included.
 */
export async function afterPost(actor: Viewer, post: { id: string; body: string }): Promise<void> {
  const { duplicateCount, duplicateMinutes } = moderationConfig();
  const db = getDb();
  const since = new Date(Date.now() - duplicateMinutes * 60_000);
  const key = bodyKeyOf(post.body);
  // Among the author's latest 100 bodies in the window, those with this key; bodies are read back only for
  // rows written before keys were stored.
  const recent = await db.$queryRaw<{ id: string; body: string; bodyKey: string | null }[]>`
    SELECT id, CASE WHEN "bodyKey" IS NULL THEN body ELSE '' END AS body, "bodyKey" FROM (
      SELECT id, body, "bodyKey", "createdAt" FROM "Annotation"
       WHERE "authorId" = ${actor.id} AND "createdAt" >= ${since} AND body IS NOT NULL AND "deletedAt" IS NULL AND visibility = 'PUBLIC'
       ORDER BY "createdAt" DESC
       LIMIT 100
    ) latest
    WHERE "bodyKey" = ${key} OR "bodyKey" IS NULL
    ORDER BY "createdAt" DESC`;
  const copies = recent.filter((row) => (row.bodyKey ?? bodyKeyOf(row.body)) === key).map((row) => row.id);
  if (copies.length < duplicateCount) return;

  const alreadyFlagged = new Set(
    (await db.flag.findMany({ where: { annotationId: { in: copies }, reporterId: null }, select: { annotationId: true } })).map((flag) => flag.annotationId),
  );
  const note = `The same text was posted ${copies.length} times within ${duplicateMinutes} minutes.`;
  for (const annotationId of copies.filter((id) => !alreadyFlagged.has(id))) {
    await db.$transaction(async (tx) => {
      await tx.flag.create({ data: { annotationId, reporterId: null, reason: "SPAM", note } });
      await recordModeration(tx, {
        actor: null,
        action: "auto_flag",
        annotationId,
        target: { id: actor.id, handle: actor.handle },
        reason: note,
        before: { openFlags: 0 },
        after: { openFlags: 1, reason: "SPAM" },
      });
    });
  }
}
