import { z } from "zod";

const seconds = z.coerce.number().min(0).max(300);

/**
 * GLOSS_ANONYMOUS_CACHE_SECONDS: how long a rendered article page is served to
 * readers with no session (default 2; 0 turns the cache off). Only production
 * servers cache: under `next dev` every change should show at once.
 */
export function anonymousCacheSeconds(env: { NODE_ENV?: string; GLOSS_ANONYMOUS_CACHE_SECONDS?: string }): number {
  if (env.NODE_ENV !== "production") return 0;
  const parsed = seconds.safeParse(env.GLOSS_ANONYMOUS_CACHE_SECONDS?.trim() || "2");
  return parsed.success ? parsed.data : 2;
}

/** Where this instance answers its own requests: GLOSS_INTERNAL_ORIGIN, else the port `next start` listens on. */
export function internalOrigin(env: { GLOSS_INTERNAL_ORIGIN?: string; PORT?: string }): string {
  return env.GLOSS_INTERNAL_ORIGIN?.trim() || `http://127.0.0.1:${env.PORT?.trim() || "3000"}`;
}
