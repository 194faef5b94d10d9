import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * What every request needs to know about the person acting, read fresh each
 * time: role, verification and the suspension in force, so a change bites at once.
 */
export function viewerUserSelect(now = new Date()) {
  return {
    id: true,
    email: true,
    name: true,
    handle: true,
    role: true,
    emailVerifiedAt: true,
    passwordHash: true,
    createdAt: true,
    markedSpammerAt: true,
    suspensions: {
      where: { liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      // A permanent suspension outranks any timed one; otherwise the longest wins.
      orderBy: [{ endsAt: { sort: "desc" as const, nulls: "first" as const } }],
      take: 1,
      select: { reason: true, endsAt: true },
    },
  };
}

export interface ViewerUserRow {
  id: string;
  email: string;
  name: string;
  handle: string;
  role: Role;
  emailVerifiedAt: Date | null;
  passwordHash: string | null;
  createdAt: Date;
  markedSpammerAt: Date | null;
  suspensions: Array<{ reason: string; endsAt: Date | null }>;
}

/** Loads a user as an actor (for example the owner of an API token); null for placeholders and unknown ids. */
export async function findViewerUser(db: PrismaClient, userId: string): Promise<ViewerUserRow | null> {
  return db.user.findFirst({ where: { id: userId, isPlaceholder: false }, select: viewerUserSelect() });
}
