import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RateLimitResult } from "@/lib/security/rate-limiter";

const limiter = vi.hoisted(() => ({
  consume: vi.fn<(rule: string, key: string) => Promise<RateLimitResult>>(),
  reset: vi.fn<(rule: string, key: string) => Promise<void>>(),
  verify: vi.fn<(hash: string, candidate: string) => Promise<boolean>>(),
}));

// The real limiter needs a database and the real check needs Argon2 hashes: what matters here is the order of the calls.
vi.mock("@/lib/security/rate-limiter", () => ({ consumeRateLimit: limiter.consume, resetRateLimit: limiter.reset }));
vi.mock("@/lib/auth/password", () => ({ verifyPassword: limiter.verify }));
vi.mock("@/lib/security/localized-rate-limit", () => ({ localizedWait: (seconds: number) => Promise.resolve(`${seconds} s`) }));

const { checkCurrentPassword } = await import("./check-current-password");

describe("checkCurrentPassword", () => {
  beforeEach(() => {
    limiter.consume.mockReset().mockResolvedValue({ allowed: true });
    limiter.reset.mockReset().mockResolvedValue();
    limiter.verify.mockReset();
  });

  it("counts the attempt in sign-in's bucket for the account, keyed as sign-in keys it", async () => {
    limiter.verify.mockResolvedValue(false);
    expect(await checkCurrentPassword(" Reader@Example.test ", "hash", "guess")).toEqual({ outcome: "wrong" });
    expect(limiter.consume).toHaveBeenCalledWith("signInAccount", "reader@example.test");
    expect(limiter.reset).not.toHaveBeenCalled();
  });

  it("refuses without checking the password once the account is over the limit", async () => {
    limiter.consume.mockResolvedValue({ allowed: false, retryAfterSeconds: 42 });
    expect(await checkCurrentPassword("reader@example.test", "hash", "guess")).toEqual({ outcome: "limited", wait: "42 s" });
    expect(limiter.verify).not.toHaveBeenCalled();
  });

  it("forgets earlier mistypes once the right password is given", async () => {
    limiter.verify.mockResolvedValue(true);
    expect(await checkCurrentPassword("reader@example.test", "hash", "right")).toEqual({ outcome: "right" });
    expect(limiter.verify).toHaveBeenCalledWith("hash", "right");
    expect(limiter.reset).toHaveBeenCalledWith("signInAccount", "reader@example.test");
  });
});
