import "server-only";
import { getDb } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

export type SetModeratorResult = "changed" | "unchanged" | "not-found";

/**
 * Grants or revokes moderator. Admins only, and only between reader and
 * moderator: admins are made from ADMIN_EMAILS or the CLI, never from the page.
 * The role is read from the database on every request, so it applies at once.
 */
export async function setModerator(actor: Viewer, userId: string, isModerator: boolean): Promise<SetModeratorResult> {
  if (actor.role !== "ADMIN") return "not-found";
  const { count } = await getDb().user.updateMany({
    where: { id: userId, role: isModerator ? "READER" : "MODERATOR" },
    data: { role: isModerator ? "MODERATOR" : "READER" },
  });
  if (count > 0) return "changed";
  const exists = await getDb().user.findFirst({ where: { id: userId, role: { not: "ADMIN" } }, select: { id: true } });
  return exists ? "unchanged" : "not-found";
}
