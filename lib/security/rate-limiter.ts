import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { rateLimitRuleNames, rateLimitRules, type RateLimitRuleName, type RateLimitWindow } from "./rate-limit-rules";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Where the counts live. PostgreSQL and Redis are shared by every app instance,
 * which is the point; `memory` counts in this process only, for unit tests and
 * one-off scripts, never for the app.
 */
export type RateLimiterStore = { databaseUrl: string } | { redisUrl: string } | { memory: true };

export interface RateLimiter {
  /**
   * Counts one attempt in every window of the rule; refused if any window is
   * over, with the longest wait. Refused attempts count too, so hammering
   * through a short window's lockout still fills the long one.
   */
  consume(rule: RateLimitRuleName, key: string): Promise<RateLimitResult>;
  /** Forgets the key's attempts in every window of the rule (e.g. after a successful sign-in). */
  reset(rule: RateLimitRuleName, key: string): Promise<void>;
  /** Releases the store's connections. */
  close(): Promise<void>;
}

interface Backend {
  makeLimiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract;
  /** Settles once the store has had its first chance to connect. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface WindowLimiter {
  name: string;
  store: RateLimiterAbstract;
  /**
   * Used only while the store fails. We neither fail closed (a store hiccup
   * would lock everyone out of signing in) nor fail fully open (brute-force
   * protection would silently vanish): each instance keeps limiting on its own,
   * so an attacker gets at most instances × the limit, and every failure is
   * logged as an error so the outage gets noticed.
   */
  fallback: RateLimiterMemory;
}

/** Builds a limiter on the given store. The app's own is built from the environment, below. */
export function createRateLimiter(store: RateLimiterStore, options: { scale?: number } = {}): RateLimiter {
  const backend = "databaseUrl" in store ? postgresBackend(store.databaseUrl) : "redisUrl" in store ? redisBackend(store.redisUrl) : memoryBackend();
  const scale = options.scale ?? 1;
  const windows = new Map(
    rateLimitRuleNames.map((rule) => [rule, rateLimitRules[rule].map((window) => makeWindow(backend, rule, { ...window, points: Math.max(1, Math.round(window.points * scale)) }))]),
  );
  const windowsOf = (rule: RateLimitRuleName) => windows.get(rule) ?? [];

  return {
    async consume(rule, key) {
      await backend.ready();
      const storedKey = toStoredKey(key);
      const waits = await Promise.all(windowsOf(rule).map((window) => consumeWindow(window, storedKey)));
      const refused = waits.filter((wait): wait is number => wait !== null);
      if (refused.length === 0) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...refused) / 1000)) };
    },
    async reset(rule, key) {
      await backend.ready();
      const storedKey = toStoredKey(key);
      await Promise.all(
        windowsOf(rule).map(async (window) => {
          await window.fallback.delete(storedKey);
          // A reset that fails only leaves the user with a stricter count, so it must not fail the sign-in.
          await window.store.delete(storedKey).catch((error: unknown) => reportStoreFailure(window.name, error));
        }),
      );
    },
    close: () => backend.close(),
  };
}

function makeWindow(backend: Backend, rule: RateLimitRuleName, window: RateLimitWindow): WindowLimiter {
  // The duration names the window, so changing a rule's numbers starts fresh counts instead of misreading old ones.
  const options = { keyPrefix: `${rule}:${window.durationSeconds}s`, points: window.points, duration: window.durationSeconds };
  return { name: options.keyPrefix, store: backend.makeLimiter(options), fallback: new RateLimiterMemory(options) };
}

/** Milliseconds to wait when the attempt is over this window's limit, null when it fits. */
async function consumeWindow(window: WindowLimiter, key: string): Promise<number | null> {
  try {
    await window.store.consume(key);
    return null;
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return reason.msBeforeNext;
    reportStoreFailure(window.name, reason);
  }
  try {
    await window.fallback.consume(key);
    return null;
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return reason.msBeforeNext;
    throw reason;
  }
}

function reportStoreFailure(windowName: string, error: unknown): void {
  console.error(`[rate-limit] store unavailable for ${windowName}; limiting in this process only until it returns:`, error);
}

/**
 * Keys are emails, IPs or ids. rate_limits.key is varchar(255) and a rule's
 * prefix takes up to ~30 characters, so a long key is stored as its hash.
 */
function toStoredKey(key: string): string {
  if (key.length === 0) throw new Error("A rate-limit key must not be empty: it would make everyone share one count.");
  return key.length <= 128 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

function postgresBackend(databaseUrl: string): Backend {
  // Its own small pool, apart from Prisma's: each attempt is a couple of short
  // upserts, and the timeouts make a database that is down fall back within seconds.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 2_000, query_timeout: 2_000, idleTimeoutMillis: 30_000 });
  pool.on("error", (error) => console.error("[rate-limit] idle PostgreSQL connection failed:", error));
  // The library names its prepared statements. PGlite, the embedded default,
  // shares one session among all connections, so a second connection preparing
  // the same name fails; unnamed statements work on every server.
  const client = { query: (query: { text: string; values?: unknown[] }) => pool.query(query.text, query.values) };
  let hasCleaner = false;
  return {
    makeLimiter(options) {
      // One limiter per instance is enough to sweep the shared table of expired rows every few minutes.
      const clearExpiredByTimeout = !hasCleaner;
      hasCleaner = true;
      return new RateLimiterPostgres({ ...options, storeClient: client, storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout });
    },
    ready: () => Promise.resolve(),
    close: () => pool.end(),
  };
}

function redisBackend(redisUrl: string): Backend {
  const client = new Redis(redisUrl, {
    // Required by rate-limiter-flexible: with a queue, commands would wait out an
    // outage and hang the request; without, they fail at once and the fallback counts.
    enableOfflineQueue: false,
    // Without a queue, commands sent before the first connection would fail, so
    // we connect explicitly and wait for that first attempt, however it ends.
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
  });
  client.on("error", (error: Error) => console.error("[rate-limit] Redis:", error.message));
  const connected = client.connect().catch(() => undefined);
  return {
    makeLimiter: (options) => new RateLimiterRedis({ ...options, keyPrefix: `gloss:rate-limit:${options.keyPrefix}`, storeClient: client }),
    ready: () => connected,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

function memoryBackend(): Backend {
  return { makeLimiter: (options) => new RateLimiterMemory(options), ready: () => Promise.resolve(), close: () => Promise.resolve() };
}

// Kept on globalThis so dev reloads reuse one pool or client instead of leaking them.
const globalForRateLimiter = globalThis as unknown as { glossRateLimiter?: RateLimiter };

function getAppRateLimiter(): RateLimiter {
  if (globalForRateLimiter.glossRateLimiter) return globalForRateLimiter.glossRateLimiter;
  const env = getEnv();
  if (env.REDIS_URL) {
    globalForRateLimiter.glossRateLimiter = createRateLimiter({ redisUrl: env.REDIS_URL }, { scale: env.GLOSS_RATE_LIMIT_SCALE });
  } else if (env.DATABASE_URL) {
    globalForRateLimiter.glossRateLimiter = createRateLimiter({ databaseUrl: env.DATABASE_URL }, { scale: env.GLOSS_RATE_LIMIT_SCALE });
  } else {
    throw new Error("DATABASE_URL is not set. Start Gloss with `npm start`, which provides the embedded database.");
  }
  return globalForRateLimiter.glossRateLimiter;
}

/** Counts an attempt against the app's shared limits (Redis when REDIS_URL is set, else PostgreSQL). */
export function consumeRateLimit(rule: RateLimitRuleName, key: string): Promise<RateLimitResult> {
  return getAppRateLimiter().consume(rule, key);
}

/** Clears a key's counts for a rule, e.g. the account's sign-in count once the password was right. */
export function resetRateLimit(rule: RateLimitRuleName, key: string): Promise<void> {
  return getAppRateLimiter().reset(rule, key);
}
