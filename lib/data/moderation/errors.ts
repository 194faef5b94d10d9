import "server-only";
import { getDb } from "@/lib/db";
import { AnnotationError } from "@/lib/data/annotations/errors";

/**
 * The answer to a moderator who acted on a stale view: who got there first,
 * never a silent overwrite of their decision.
 */
export async function alreadyHandled(where: { annotationId: string } | { targetUserId: string }): Promise<AnnotationError> {
  const latest = await getDb().moderationLogEntry.findFirst({
    where: { ...where, action: { notIn: ["flag", "auto_flag"] } },
    orderBy: { createdAt: "desc" },
    select: { actorHandle: true, action: true },
  });
  const by = latest ? (latest.actorHandle ? "moderator" : "automatic") : "unknown";
  return new AnnotationError(409, "alreadyHandled", { values: { by, handle: latest?.actorHandle ?? "", action: latest ? latest.action.replace(/_/g, " ") : "none" } });
}
