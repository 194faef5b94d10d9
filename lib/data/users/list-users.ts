import "server-only";
import { getDb } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

/** Users for the admin page, newest first, optionally filtered by email, handle or name. Admins only. */
export async function listUsersForAdmin(actor: Viewer, query: string) {
  if (actor.role !== "ADMIN") return [];
  const term = query.trim();
  return getDb().user.findMany({
    where: term
      ? { OR: [{ email: { contains: term, mode: "insensitive" } }, { handle: { contains: term, mode: "insensitive" } }, { name: { contains: term, mode: "insensitive" } }] }
      : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, email: true, handle: true, name: true, role: true, emailVerifiedAt: true, createdAt: true },
  });
}
