import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";

/**
 * Handles starting with `prefix`, for the @mention autocomplete: only what a
 * post shows anyway (handle and display name), never addresses, and not the
 * placeholder authors of imports, who cannot be notified.
 */
export async function searchHandles(actor: Viewer, prefix: string, limit = 8): Promise<Array<{ handle: string; name: string }>> {
  return getDb().user.findMany({
    where: { handle: { startsWith: prefix.toLowerCase() }, isPlaceholder: false, id: { not: actor.id } },
    orderBy: { handle: "asc" },
    take: limit,
    select: { handle: true, name: true },
  });
}
