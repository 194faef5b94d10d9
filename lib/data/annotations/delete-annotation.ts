import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { notFound } from "./errors";

/**
 * Deletes the actor's own annotation. Where replies hang below it, a
 * "[deleted]" placeholder keeps the thread readable; otherwise the row goes.
 */
export async function deleteAnnotation(actor: Viewer, id: string): Promise<"removed" | "placeholder"> {
  const db = getDb();
  const target = await db.annotation.findFirst({
    where: { id, authorId: actor.id, deletedAt: null },
    select: { id: true, _count: { select: { replies: true } } },
  });
  if (!target) throw notFound();
  if (target._count.replies === 0) {
    await db.annotation.delete({ where: { id: target.id } });
    return "removed";
  }
  await db.annotation.update({
    where: { id: target.id },
    data: { deletedAt: new Date(), body: null, tags: [], sources: { deleteMany: {} } },
  });
  return "placeholder";
}
