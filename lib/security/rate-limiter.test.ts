import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getClientIp } from "./client-ip";
import { describeWait, tooManyRequests } from "./rate-limit-response";
import { rateLimitRuleNames, rateLimitRules } from "./rate-limit-rules";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";

/** Attempts `count` times and returns every result, in order. */
async function attempt(limiter: RateLimiter, count: number, key: string, rule: "signInAccount" | "signInIp" = "signInAccount") {
  const results = [];
  for (let i = 0; i < count; i += 1) results.push(await limiter.consume(rule, key));
  return results;
}

describe("consumeRateLimit rules (memory store)", () => {
  let limiter: RateLimiter;
  beforeEach(() => {
    limiter = createRateLimiter({ memory: true });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await limiter.close();
  });

  it("refuses the 6th sign-in attempt within a minute, for at most a minute", async () => {
    const results = await attempt(limiter, 6, "reader@example.com");
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    const sixth = results[5];
    expect(sixth?.allowed).toBe(false);
    if (sixth?.allowed !== false) return;
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts each window separately and reports the longest wait", async () => {
    vi.useFakeTimers();
    // 5 a minute for 6 minutes never trips the minute window but fills the hour's 30.
    for (let minute = 0; minute < 6; minute += 1) {
      expect(await attempt(limiter, 5, "patient@example.com")).toEqual(Array(5).fill({ allowed: true }));
      vi.advanceTimersByTime(61_000);
    }
    const overHour = await limiter.consume("signInAccount", "patient@example.com");
    expect(overHour).toEqual({ allowed: false, retryAfterSeconds: 3600 - 6 * 61 });

    // Over both windows now: the hour's wait wins over the minute's.
    const [overBoth] = (await attempt(limiter, 5, "patient@example.com")).slice(-1);
    expect(overBoth).toEqual({ allowed: false, retryAfterSeconds: 3600 - 6 * 61 });
  });

  it("keeps different keys and different rules independent", async () => {
    await attempt(limiter, 6, "a@example.com");
    expect(await limiter.consume("signInAccount", "a@example.com")).toMatchObject({ allowed: false });
    expect(await limiter.consume("signInAccount", "b@example.com")).toEqual({ allowed: true });
    expect(await limiter.consume("signInIp", "a@example.com")).toEqual({ allowed: true });
  });

  it("starts afresh after a reset", async () => {
    await attempt(limiter, 6, "forgetful@example.com");
    await limiter.reset("signInAccount", "forgetful@example.com");
    expect(await attempt(limiter, 5, "forgetful@example.com")).toEqual(Array(5).fill({ allowed: true }));
  });

  it("limits very long keys too (stored as a hash)", async () => {
    const longKey = `${"x".repeat(300)}@example.com`;
    expect((await attempt(limiter, 6, longKey))[5]).toMatchObject({ allowed: false });
    expect(await limiter.consume("signInAccount", `${longKey}.org`)).toEqual({ allowed: true });
  });

  it("refuses an empty key rather than letting everyone share one count", async () => {
    await expect(limiter.consume("signInIp", "")).rejects.toThrow(/must not be empty/);
  });
});

describe("when the store is unreachable", () => {
  it("keeps limiting in this process and logs each failure", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // Nothing listens on port 1, so every query fails at once with ECONNREFUSED.
    const limiter = createRateLimiter({ databaseUrl: "postgresql://postgres@127.0.0.1:1/none" });
    try {
      const results = await attempt(limiter, 6, `offline-${randomUUID()}`);
      expect(results.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
      expect(results[5]).toMatchObject({ allowed: false });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("store unavailable for signInAccount:60s"), expect.anything());
    } finally {
      logged.mockRestore();
      await limiter.close();
    }
  });
});

describe("rateLimitRules", () => {
  it("gives each window of a rule its own duration, since the duration names its stored key", () => {
    for (const rule of rateLimitRuleNames) {
      const durations = rateLimitRules[rule].map((window) => window.durationSeconds);
      expect(new Set(durations).size, rule).toBe(durations.length);
    }
  });
});

describe("describeWait", () => {
  it.each([
    [0, "1 second"],
    [1, "1 second"],
    [0.2, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [120, "2 minutes"],
    [3540, "59 minutes"],
    [3599, "1 hour"],
    [3600, "1 hour"],
    [5400, "2 hours"],
    [86_400, "24 hours"],
  ])("describes %s s as %s", (seconds, wording) => {
    expect(describeWait(seconds)).toBe(wording);
  });
});

describe("tooManyRequests", () => {
  it("answers 429 with Retry-After and a message a person can act on", async () => {
    const response = tooManyRequests(90.2);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("91");
    expect(await response.json()).toEqual({ error: "rate_limited", message: "Too many attempts. Try again in 2 minutes." });
  });

  it("uses the caller's message when given", async () => {
    const response = tooManyRequests(30, "Too many annotations. Take a breath.");
    expect(await response.json()).toMatchObject({ message: "Too many annotations. Take a breath." });
  });
});

describe("getClientIp", () => {
  it("takes the first x-forwarded-for entry, then x-real-ip, then unknown", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1", "x-real-ip": "10.0.0.2" }))).toBe("203.0.113.7");
    expect(getClientIp(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(getClientIp(new Headers({ "x-forwarded-for": " , " }))).toBe("unknown");
    expect(getClientIp(new Headers())).toBe("unknown");
  });
});
