import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { findLiveSession } from "@/lib/data/users/sessions";
import type { ViewerUserRow } from "@/lib/data/users/viewer-user";
import type { Role } from "@/lib/generated/prisma/client";
import { authSecret, sessionCookieName } from "./config";

/** The signed-in person as every page and action sees them, read fresh from the database. */
export interface Viewer {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  handle: string;
  role: Role;
  isEmailVerified: boolean;
  hasPassword: boolean;
  createdAt: Date;
  /** Set while a moderator has marked the account as a spammer: new posts wait for review. */
  isMarkedSpammer: boolean;
  /** The suspension in force: no posting, replying, flagging or voting until it ends. */
  suspension: { reason: string; endsAt: Date | null } | null;
}

/** lastSeenAt is refreshed at most this often, so reading a page is not a write each time. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Resolves the viewer from the session cookie. The JWT only names a session
 * row; the row must still be live, so sign-out, "sign out everywhere",
 * password changes and role changes take effect on the very next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId) return null;

  const session = await findLiveSession(getDb(), sessionId);
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await getDb().userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return toViewer(session.user, session.id);
});

/** The actor a user row describes; `sessionId` names the browser session or API token acting. */
export function toViewer(user: ViewerUserRow, sessionId: string): Viewer {
  return {
    id: user.id,
    sessionId,
    email: user.email,
    name: user.name,
    handle: user.handle,
    role: user.role,
    isEmailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    isMarkedSpammer: user.markedSpammerAt !== null,
    suspension: user.suspensions[0] ?? null,
  };
}

/** For pages: the viewer, or a trip to sign-in that comes back here. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

const rank: Record<Role, number> = { READER: 0, MODERATOR: 1, ADMIN: 2 };

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return viewer !== null && rank[viewer.role] >= rank[role];
}

/** For role-only pages: others get the ordinary 404, so the page's existence is not revealed. */
export async function requireRole(role: Role): Promise<Viewer> {
  const viewer = await getViewer();
  if (!hasRole(viewer, role)) notFound();
  return viewer as Viewer;
}
