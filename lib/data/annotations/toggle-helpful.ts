import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { AnnotationError, notFound } from "./errors";
import { assertMayParticipate } from "./participation";
import { visibleAnnotationsWhere } from "./scope";

/** Adds or removes the actor's "helpful" vote; one per person, never on their own words. */
export async function toggleHelpful(actor: Viewer, id: string): Promise<{ isHelpful: boolean; helpfulCount: number }> {
  assertMayParticipate(actor, "voting");
  const db = getDb();
  const target = await db.annotation.findFirst({
    where: { id, deletedAt: null, body: { not: null }, ...visibleAnnotationsWhere(actor.id) },
    select: { id: true, authorId: true },
  });
  if (!target) throw notFound();
  if (target.authorId === actor.id) throw new AnnotationError(400, "ownVote");
  return db.$transaction(async (tx) => {
    const removed = await tx.annotationVote.deleteMany({ where: { annotationId: id, userId: actor.id } });
    if (removed.count > 0) {
      const updated = await tx.annotation.update({ where: { id }, data: { helpfulCount: { decrement: 1 } }, select: { helpfulCount: true } });
      return { isHelpful: false, helpfulCount: updated.helpfulCount };
    }
    // A double click racing itself: the vote already exists. ON CONFLICT DO NOTHING rather than catching the
    // unique violation, which would abort the transaction and fail the read below on PostgreSQL.
    const added = await tx.annotationVote.createMany({ data: { annotationId: id, userId: actor.id }, skipDuplicates: true });
    if (added.count === 0) {
      const current = await tx.annotation.findUniqueOrThrow({ where: { id }, select: { helpfulCount: true } });
      return { isHelpful: true, helpfulCount: current.helpfulCount };
    }
    const updated = await tx.annotation.update({ where: { id }, data: { helpfulCount: { increment: 1 } }, select: { helpfulCount: true } });
    return { isHelpful: true, helpfulCount: updated.helpfulCount };
  });
}
