import "server-only";
import { getDb } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { recordModeration } from "@/lib/data/moderation/audit-log";

export type SetModeratorResult = "changed" | "unchanged" | "not-found";

/**
 * Grants or revokes moderator. Admins only, and only between reader and
 * moderator: admins are made from ADMIN_EMAILS or the CLI, never from the page.
 * The role is read from the database on every request, so it applies at once.
 */
export async function setModerator(actor: Viewer, userId: string, isModerator: boolean): Promise<SetModeratorResult> {
  if (actor.role !== "ADMIN" || actor.suspension) return "not-found";
  const from = isModerator ? "READER" : "MODERATOR";
  const to = isModerator ? "MODERATOR" : "READER";
  const changed = await getDb().$transaction(async (tx) => {
    // The revision moves too: a moderator acting on this account from a page loaded before the change is told.
    const { count } = await tx.user.updateMany({ where: { id: userId, role: from }, data: { role: to, moderationRevision: { increment: 1 } } });
    if (count === 0) return false;
    const target = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } });
    await recordModeration(tx, {
      actor: { id: actor.id, handle: actor.handle },
      action: "role_change",
      target: { id: userId, handle: target.handle },
      before: { role: from },
      after: { role: to },
    });
    return true;
  });
  if (changed) return "changed";
  const exists = await getDb().user.findFirst({ where: { id: userId, role: { not: "ADMIN" } }, select: { id: true } });
  return exists ? "unchanged" : "not-found";
}
