import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL with a host");

/**
 * Every environment variable Gloss reads, documented in .env.example. Empty
 * strings count as unset so a blank line in an .env file means "default".
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** The public origin, used for absolute links (Open Graph, emails). */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  GLOSS_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** Port of the embedded PostgreSQL. */
  GLOSS_EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Pool size per app instance; keep instances × pool below the server's max_connections. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),

  /** Signs session tokens. Required in production; development falls back to a fixed value. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Comma-separated emails that are admins once verified (lib/auth/configured-admin.ts). */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean)),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  GOOGLE_ID: z.string().min(1).optional(),
  GOOGLE_SECRET: z.string().min(1).optional(),

  /** smtp:// or smtps:// URL of the mail server. Unset: mail goes to the dev outbox. */
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Gloss <no-reply@gloss.localhost>"),

  /** When set, rate limits live in Redis instead of PostgreSQL. */
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value), "must be a redis:// or rediss:// URL")
    .optional(),
  /** Weighted flags (see lib/moderation/flag-weight.ts) that hide an annotation pending review. */
  GLOSS_FLAG_HIDE_THRESHOLD: z.coerce.number().positive().default(3),
  /** Days after which an account's flags count in full. */
  GLOSS_ESTABLISHED_ACCOUNT_DAYS: z.coerce.number().nonnegative().default(3),
  /** Accounts younger than this many hours post at the lower "new account" rate. */
  GLOSS_NEW_ACCOUNT_HOURS: z.coerce.number().nonnegative().default(24),
  /** The same text posted this many times… */
  GLOSS_DUPLICATE_POST_COUNT: z.coerce.number().int().min(2).default(3),
  /** …within this many minutes is flagged automatically as spam. */
  GLOSS_DUPLICATE_POST_MINUTES: z.coerce.number().positive().default(10),
  /** Multiplies every rate limit's allowance: 1 in production; benchmarks raise it to measure throughput, not the limiter. */
  GLOSS_RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  /** Seed the demo accounts and discussion even in production (they are always seeded otherwise). */
  GLOSS_SEED_DEMO: z.enum(["0", "1", "true", "false"]).optional(),
  /** How often each instance checks the LiveEvent table for events NOTIFY did not deliver (the embedded database never does). */
  GLOSS_LIVE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** How often each instance sends due notification digests; 0 leaves it to `npm run notifications:digest` from cron. */
  GLOSS_DIGEST_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  /** Seconds an article page rendered for a reader with no session serves others with none (production only; 0: off). Read by lib/page-cache/config.ts. */
  GLOSS_ANONYMOUS_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(2),
  /** Where an instance asks itself for those renders; default http://127.0.0.1:$PORT. */
  GLOSS_INTERNAL_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, or returns one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; message: string } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { ok: true, env: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  return { ok: false, message: `Invalid environment: ${problems.join("; ")}` };
}
