import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { IdempotencyClaim } from "@/lib/data/idempotency/idempotency-key";
import type { SourceInput } from "@/lib/validation/annotations";
import { AnnotationError, notFound } from "./errors";
import { assertMayParticipate } from "./participation";
import { insertPostRow } from "./insert-post-row";
import { initialModeration } from "./post-moderation";
import { publishPost } from "./publish-post";
import { visibleAnnotationsWhere } from "./scope";

/** Replies to an annotation or a reply the actor can see. A reply shares its thread's visibility. With a claim, the reply and its Idempotency-Key record commit together. */
export async function createReply(
  actor: Viewer,
  input: { parentId: string; body: string; sources: SourceInput[] },
  claim: IdempotencyClaim | null = null,
): Promise<{ id: string; rootId: string }> {
  assertMayParticipate(actor, "replying");
  const db = getDb();
  const parent = await db.annotation.findFirst({
    where: { id: input.parentId, ...visibleAnnotationsWhere(actor.id) },
    select: { id: true, rootId: true, articleId: true, versionId: true, visibility: true, body: true, deletedAt: true, lockedAt: true, moderationStatus: true, article: { select: { preModeration: true } } },
  });
  if (!parent) throw notFound();
  const rootId = parent.rootId ?? parent.id;
  if (parent.rootId === null && parent.body === null && parent.deletedAt === null) {
    throw new AnnotationError(400, "privateHighlightReply");
  }
  const root = parent.rootId ? await db.annotation.findUnique({ where: { id: parent.rootId }, select: { lockedAt: true, moderationStatus: true } }) : parent;
  if (root?.lockedAt) throw new AnnotationError(409, "threadLocked");
  // Its author still sees a post moderators hid or hold, but a reply there would surface where the post does not.
  if (parent.moderationStatus !== "VISIBLE" || root?.moderationStatus !== "VISIBLE") throw new AnnotationError(409, "threadRemoved");
  return publishPost(
    actor,
    claim,
    (tx) =>
      insertPostRow(
        tx,
        {
          articleId: parent.articleId,
          versionId: parent.versionId,
          authorId: actor.id,
          parentId: parent.id,
          rootId,
          visibility: parent.visibility,
          ...initialModeration(actor, { visibility: parent.visibility, preModeration: parent.article.preModeration }),
          body: input.body,
        },
        input.sources,
      ),
    (row) => ({ id: row.id, rootId }),
  );
}
