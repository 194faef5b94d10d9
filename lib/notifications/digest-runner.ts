import "server-only";
import { getEnv } from "@/lib/env";
import { sendDigests } from "@/lib/data/notifications/send-notification-emails";

const globalForRunner = globalThis as unknown as { glossDigestRunner?: ReturnType<typeof setInterval> };

/**
 * Sends due digests every GLOSS_DIGEST_INTERVAL_MINUTES (15 by default; 0
 * turns it off, e.g. when cron runs `npm run notifications:digest`). Every
 * instance may run it: rows are claimed with SKIP LOCKED, so each digest goes
 * out once.
 */
export function startDigestRunner(): void {
  const minutes = getEnv().GLOSS_DIGEST_INTERVAL_MINUTES;
  if (globalForRunner.glossDigestRunner || minutes <= 0) return;
  const timer = setInterval(() => {
    sendDigests().catch((error: unknown) => console.error("digest run failed", error));
  }, minutes * 60_000);
  timer.unref();
  globalForRunner.glossDigestRunner = timer;
}
