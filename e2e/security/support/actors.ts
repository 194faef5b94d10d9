import { randomBytes } from "node:crypto";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import type pg from "pg";
import { newUser, SITE_ORIGIN, signInViaApi, signUpViaApi } from "../../support/fixtures";

/** Every kind of person who can send a request. */
export const ROLES = ["signedOut", "reader", "unverified", "author", "moderator", "admin", "suspended", "suspendedModerator"] as const;
export type RoleName = (typeof ROLES)[number];

export interface Actor {
  role: RoleName;
  /** Null when signed out. */
  userId: string | null;
  request: APIRequestContext;
  /** How to sign in again (absent when signed out). */
  credentials?: { email: string; password: string; handle: string };
}

function randomIp(): string {
  return `10.${100 + (randomBytes(1)[0]! % 100)}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
}

/** A request context that behaves like one of our own pages: the site's Origin, its own client address. */
export async function newApiContext(playwright: PlaywrightWorkerArgs["playwright"], headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: SITE_ORIGIN, extraHTTPHeaders: { origin: SITE_ORIGIN, "x-forwarded-for": randomIp(), ...headers } });
}

/**
 * Signs up one fresh account per role (established: 30 days old, so the
 * lower new-account rate does not apply) and signs each in on its own
 * request context. Moderators and admins are promoted, the suspended
 * account and the suspended moderator get a permanent suspension, the
 * unverified one keeps its address unconfirmed.
 */
export async function createActors(playwright: PlaywrightWorkerArgs["playwright"], db: pg.Pool): Promise<Record<RoleName, Actor>> {
  const actors = {} as Record<RoleName, Actor>;
  let adminId = "";
  for (const role of ROLES) {
    const request = await newApiContext(playwright);
    if (role === "signedOut") {
      actors[role] = { role, userId: null, request };
      continue;
    }
    const user = newUser(role === "suspendedModerator" ? "susmod" : role.slice(0, 6));
    await signUpViaApi(request, user);
    const dbRole = role === "moderator" || role === "suspendedModerator" ? "MODERATOR" : role === "admin" ? "ADMIN" : "READER";
    const verified = role !== "unverified";
    const { rows } = await db.query(
      `UPDATE "User" SET role = $2, "emailVerifiedAt" = CASE WHEN $3 THEN now() ELSE NULL END, "createdAt" = now() - interval '30 days' WHERE email = $1 RETURNING id`,
      [user.email, dbRole, verified],
    );
    const userId = (rows[0] as { id: string }).id;
    if (role === "admin") adminId = userId;
    await signInViaApi(request, user.email, user.password);
    actors[role] = { role, userId, request, credentials: { email: user.email, password: user.password, handle: user.handle } };
  }
  for (const suspended of [actors.suspended, actors.suspendedModerator]) {
    await db.query(`INSERT INTO "Suspension" (id, "userId", "moderatorId", reason) VALUES ($1, $2, $3, 'security matrix')`, [
      `c${randomBytes(12).toString("hex")}`,
      suspended.userId,
      adminId,
    ]);
  }
  return actors;
}

/** Signs every actor in again, after a check that ended their sessions. */
export async function signActorsInAgain(actors: Record<RoleName, Actor>): Promise<void> {
  for (const actor of Object.values(actors)) if (actor.credentials) await signInViaApi(actor.request, actor.credentials.email, actor.credentials.password);
}

export async function disposeActors(actors: Record<RoleName, Actor> | undefined): Promise<void> {
  for (const actor of Object.values(actors ?? {})) await actor.request.dispose();
}
