import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AnnotationError } from "@/lib/data/annotations/errors";

/**
 * The answer to a moderator who acted on a stale view: who got there first,
 * never a silent overwrite of their decision. Inside a transaction, pass it:
 * a query on another connection would wait for that transaction on a database
 * that runs one at a time (the embedded one).
 */
export async function alreadyHandled(
  where: { annotationId: string } | { targetUserId: string },
  db: Prisma.TransactionClient = getDb(),
): Promise<AnnotationError> {
  const latest = await db.moderationLogEntry.findFirst({
    where: { ...where, action: { notIn: ["flag", "auto_flag"] } },
    orderBy: { createdAt: "desc" },
    select: { actorHandle: true, action: true },
  });
  const by = latest ? (latest.actorHandle ? "moderator" : "automatic") : "unknown";
  return new AnnotationError(409, "alreadyHandled", { values: { by, handle: latest?.actorHandle ?? "", action: latest ? latest.action.replace(/_/g, " ") : "none" } });
}
