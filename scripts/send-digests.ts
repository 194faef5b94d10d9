/**
 * `npm run notifications:digest` — sends the notification digests that are due,
 * for a cron job (set GLOSS_DIGEST_INTERVAL_MINUTES=0 on the app then, or keep
 * both: rows are claimed with SKIP LOCKED, so nothing goes out twice).
 * `-- --all` sends everything waiting, due or not. Uses DATABASE_URL, and
 * APP_URL for the links.
 */
import { sendDigests } from "../lib/data/notifications/send-notification-emails.ts";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at Gloss's database.");
  process.exit(2);
}
const sent = await sendDigests({ olderThanMs: process.argv.includes("--all") ? 0 : undefined });
console.info(`Sent ${sent} digest${sent === 1 ? "" : "s"}.`);
process.exit(0);
