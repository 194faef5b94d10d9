import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AnnotationError } from "@/lib/data/annotations/errors";

/**
 * The answer to a moderator who acted on a stale view: what changed since
 * (the author's edit, a new report, or another moderator's decision), never a
 * silent overwrite of their decision. Inside a transaction, pass it: a query
 * on another connection would wait for that transaction on a database that
 * runs one at a time (the embedded one).
 */
export async function alreadyHandled(
  where: { annotationId: string } | { targetUserId: string },
  db: Prisma.TransactionClient = getDb(),
): Promise<AnnotationError> {
  // An account's entries include reports on its posts, which change nothing about the account itself.
  const latest = await db.moderationLogEntry.findFirst({
    where: "annotationId" in where ? where : { ...where, action: { notIn: ["flag", "auto_flag"] } },
    orderBy: { createdAt: "desc" },
    select: { actorHandle: true, action: true, createdAt: true },
  });
  if ("annotationId" in where) {
    const annotation = await db.annotation.findUnique({ where: { id: where.annotationId }, select: { editedAt: true } });
    if (annotation?.editedAt && (!latest || annotation.editedAt > latest.createdAt)) return new AnnotationError(409, "editedSinceLoaded");
  }
  if (latest?.action === "flag") return new AnnotationError(409, "flaggedSinceLoaded");
  const by = latest ? (latest.actorHandle ? "moderator" : "automatic") : "unknown";
  return new AnnotationError(409, "alreadyHandled", { values: { by, handle: latest?.actorHandle ?? "", action: latest ? latest.action.replace(/_/g, " ") : "none" } });
}
