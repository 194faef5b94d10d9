import "server-only";
import { getDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import type { ViewerUserRow } from "./viewer-user";

/** Starts a session row for a browser that just signed in. */
export async function createUserSession(userId: string, client: { userAgent?: string | null; ipAddress?: string | null }) {
  return getDb().userSession.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ipAddress: client.ipAddress?.slice(0, 64) ?? null,
    },
    select: { id: true },
  });
}

/** Ends one of the actor's sessions. Scoped by user, so nobody ends another's. */
export async function revokeSession(actorId: string, sessionId: string): Promise<boolean> {
  const { count } = await getDb().userSession.updateMany({
    where: { id: sessionId, userId: actorId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** Ends every live session of a user, optionally keeping one (the browser asking). */
export async function revokeAllSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await getDb().userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function listLiveSessions(actorId: string) {
  return getDb().userSession.findMany({
    where: { userId: actorId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  });
}

/**
 * A live session (not revoked, not expired) with its user as an actor, or
 * null. Every signed-in request asks this, so it is one statement: the
 * session, its user and the suspension in force (a permanent one outranks
 * any timed one; otherwise the longest wins), as viewerUserSelect describes.
 */
export async function findLiveSession(db: PrismaClient, sessionId: string): Promise<{ id: string; lastSeenAt: Date; user: ViewerUserRow } | null> {
  const now = new Date();
  const rows = await db.$queryRaw<LiveSessionRow[]>`
    SELECT s.id, s."lastSeenAt", u.id AS "userId", u.email, u.name, u.handle, u.role::text AS role, u."emailVerifiedAt",
           u."passwordHash", u."createdAt", u."markedSpammerAt", sp.id AS "suspensionId", sp.reason AS "suspensionReason", sp."endsAt" AS "suspensionEndsAt"
      FROM "UserSession" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN LATERAL (
        SELECT x.id, x.reason, x."endsAt" FROM "Suspension" x
         WHERE x."userId" = u.id AND x."liftedAt" IS NULL AND (x."endsAt" IS NULL OR x."endsAt" > ${now})
         ORDER BY x."endsAt" DESC NULLS FIRST
         LIMIT 1
      ) sp ON true
     WHERE s.id = ${sessionId} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}`;
  const row = rows[0];
  if (!row) return null;
  const { id, lastSeenAt, userId, suspensionId, suspensionReason, suspensionEndsAt, ...user } = row;
  return {
    id,
    lastSeenAt,
    user: { ...user, id: userId, suspensions: suspensionId === null ? [] : [{ reason: suspensionReason!, endsAt: suspensionEndsAt }] },
  };
}

/** The user's columns as ViewerUserRow has them, beside the session's and the suspension's. */
type LiveSessionRow = Omit<ViewerUserRow, "id" | "suspensions"> & {
  id: string;
  lastSeenAt: Date;
  userId: string;
  suspensionId: string | null;
  suspensionReason: string | null;
  suspensionEndsAt: Date | null;
};
