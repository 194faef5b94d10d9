import "server-only";
import { getDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { viewerUserSelect } from "./viewer-user";

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
 * The live session a token names, with its user: null once revoked or
 * expired. Every request goes through this, on whichever instance serves it.
 */
export async function findLiveSession(db: PrismaClient, sessionId: string) {
  return db.userSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      lastSeenAt: true,
      user: { select: viewerUserSelect() },
    },
  });
}
