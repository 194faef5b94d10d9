import "server-only";
import { getEnv } from "@/lib/env";

/** How long a signed-in browser stays signed in without coming back. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Secure cookies (with the `__Secure-` prefix) in production, unless the
 * operator says the site is served over plain http (APP_URL=http://…).
 */
export function shouldUseSecureCookies(): boolean {
  const env = getEnv();
  return env.NODE_ENV === "production" && !env.APP_URL?.startsWith("http:");
}

export function sessionCookieName(): string {
  return `${shouldUseSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

const DEVELOPMENT_SECRET = "gloss-development-secret-not-for-production-use";

/**
 * Production must configure AUTH_SECRET (the launcher makes and keeps one for
 * local starts); only `next dev` and tests fall back to a fixed value.
 */
export function authSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production (at least 32 random characters).");
  return DEVELOPMENT_SECRET;
}
