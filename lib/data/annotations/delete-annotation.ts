import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import { notFound } from "./errors";

/**
 * Deletes the actor's own annotation, softly: the text, tags and sources go,
 * and the row stays as "[deleted]". Replies below it keep their context, and
 * its permalink can still say what happened instead of failing.
 */
export async function deleteAnnotation(actor: Viewer, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id, authorId: actor.id, deletedAt: null },
      data: { deletedAt: new Date(), body: null, bodyKey: null, tags: [] },
    });
    if (count === 0) throw notFound();
    await tx.annotationSource.deleteMany({ where: { annotationId: id } });
    const { articleId } = await tx.annotation.findUniqueOrThrow({ where: { id }, select: { articleId: true } });
    await recordLiveEvent(tx, { articleId, annotationId: id, kind: "annotation.deleted" });
  });
}
