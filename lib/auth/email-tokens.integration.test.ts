import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { consumeEmailToken, createEmailToken, EMAIL_TOKEN_TTL_MINUTES, hashToken } from "./email-tokens";

afterAll(async () => {
  // Tokens go with their users (onDelete: Cascade).
  await testDb.user.deleteMany({ where: { email: { endsWith: "@tokens.test" } } });
  await testDb.$disconnect();
});

async function makeUser() {
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
  return testDb.user.create({ data: { email: `u${stamp}@tokens.test`, name: "T", handle: `t_${stamp}`, passwordHash: null } });
}

describe("email tokens", () => {
  it("work once, and store only a hash", async () => {
    const user = await makeUser();
    const before = Date.now();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: EMAIL_TOKEN_TTL_MINUTES.VERIFY_EMAIL });
    expect(Buffer.from(raw, "base64url")).toHaveLength(32);
    const stored = await testDb.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(raw));
    expect(stored.tokenHash).not.toContain(raw);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(24 * 60 * 60_000 - 1000);

    expect(await consumeEmailToken(testDb, raw, "VERIFY_EMAIL")).toEqual({ ok: true, token: { userId: user.id, email: user.email } });
    expect(await consumeEmailToken(testDb, raw, "VERIFY_EMAIL")).toEqual({ ok: false, reason: "used" });
  });

  it("expire", async () => {
    const user = await makeUser();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, ttlMinutes: 60 });
    await testDb.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeEmailToken(testDb, raw, "RESET_PASSWORD")).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse garbage, and a token of another purpose", async () => {
    const user = await makeUser();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 });
    expect(await consumeEmailToken(testDb, "not-a-token-at-all-really", "VERIFY_EMAIL")).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeEmailToken(testDb, raw, "RESET_PASSWORD")).toEqual({ ok: false, reason: "invalid" });
    // The failed attempt with the wrong purpose did not spend it.
    expect((await consumeEmailToken(testDb, raw, "VERIFY_EMAIL")).ok).toBe(true);
  });

  it("make earlier unused links of the same user and purpose stop working", async () => {
    const user = await makeUser();
    const first = await createEmailToken(testDb, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, ttlMinutes: 60 });
    const verify = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 });
    const second = await createEmailToken(testDb, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, ttlMinutes: 60 });
    expect(await consumeEmailToken(testDb, first, "RESET_PASSWORD")).toEqual({ ok: false, reason: "expired" });
    expect((await consumeEmailToken(testDb, second, "RESET_PASSWORD")).ok).toBe(true);
    expect((await consumeEmailToken(testDb, verify, "VERIFY_EMAIL")).ok).toBe(true);
  });

  it("work inside a caller's transaction", async () => {
    const user = await makeUser();
    const raw = await testDb.$transaction((tx) => createEmailToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 }));
    const result = await testDb.$transaction((tx) => consumeEmailToken(tx, raw, "VERIFY_EMAIL"));
    expect(result).toEqual({ ok: true, token: { userId: user.id, email: user.email } });
  });

  it("succeed exactly once when requests race with one link", async () => {
    const user = await makeUser();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 });
    const results = await Promise.all(Array.from({ length: 5 }, () => consumeEmailToken(testDb, raw, "VERIFY_EMAIL")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "used")).toHaveLength(4);
  });
});
