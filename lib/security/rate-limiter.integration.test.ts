import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, testDb } from "@/tests/support/database";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";

const REDIS_URL = "redis://127.0.0.1:6379";

/** 3 attempts on one instance and 2 on the other use up signInAccount's 5 a minute for both. */
async function expectSharedCount(a: RateLimiter, b: RateLimiter, key: string) {
  for (const limiter of [a, a, a, b, b]) {
    expect(await limiter.consume("signInAccount", key)).toEqual({ allowed: true });
  }
  for (const limiter of [a, b]) {
    const refused = await limiter.consume("signInAccount", key);
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  }
}

/** Whether a Redis answers PING, without retrying or queueing: this only decides a skip. */
async function isRedisUp(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = await isRedisUp();

describe("the shared rate limiter on PostgreSQL", () => {
  // Two limiters, each with its own pool, as two app instances would have.
  const instanceA = createRateLimiter({ databaseUrl });
  const instanceB = createRateLimiter({ databaseUrl });
  afterAll(() => Promise.all([instanceA.close(), instanceB.close()]));

  it("shares one count between app instances, and a reset clears it for both", async () => {
    const key = `shared-${randomUUID()}@example.com`;
    await expectSharedCount(instanceA, instanceB, key);

    const stored = await testDb.$queryRaw<{ key: string; points: number }[]>`SELECT key, points FROM rate_limits WHERE key LIKE ${`%${key}`} ORDER BY key`;
    expect(stored).toEqual([
      { key: `signInAccount:3600s:${key}`, points: 7 },
      { key: `signInAccount:60s:${key}`, points: 7 },
    ]);

    await instanceA.reset("signInAccount", key);
    expect(await instanceB.consume("signInAccount", key)).toEqual({ allowed: true });
    await instanceB.reset("signInAccount", key);
    expect(await testDb.rateLimit.count({ where: { key: { endsWith: key } } })).toBe(0);
  });
});

describe("the shared rate limiter on Redis", () => {
  it("shares one count between app instances", async ({ skip }) => {
    skip(!redisUp, `no Redis answered at ${REDIS_URL}; start one there to run this test`);
    const instanceA = createRateLimiter({ redisUrl: REDIS_URL });
    const instanceB = createRateLimiter({ redisUrl: REDIS_URL });
    const inspector = new Redis(REDIS_URL);
    // A unique key keeps this run apart from any other data or run on the same Redis.
    const key = `it-${randomUUID()}@example.com`;
    try {
      await expectSharedCount(instanceA, instanceB, key);
      expect(await inspector.get(`gloss:rate-limit:signInAccount:60s:${key}`)).toBe("7");

      await instanceA.reset("signInAccount", key);
      expect(await inspector.exists(`gloss:rate-limit:signInAccount:60s:${key}`, `gloss:rate-limit:signInAccount:3600s:${key}`)).toBe(0);
    } finally {
      await instanceA.reset("signInAccount", key);
      await Promise.all([instanceA.close(), instanceB.close(), inspector.quit()]);
    }
  });
});
