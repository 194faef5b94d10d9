import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { consumeEmailToken, createEmailToken, hashToken } from "./email-tokens";

afterAll(async () => {
  await testDb.user.deleteMany({ where: { email: { endsWith: "@tokens.test" } } });
  await testDb.$disconnect();
});

async function makeUser() {
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  return testDb.user.create({ data: { email: `u${stamp}@tokens.test`, name: "T", handle: `t_${stamp}`, passwordHash: null } });
}

describe("email tokens", () => {
  it("work once, and store only a hash", async () => {
    const user = await makeUser();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 });
    const stored = await testDb.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(raw));
    expect(stored.tokenHash).not.toContain(raw);

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
  });

  it("make earlier links of the same purpose stop working", async () => {
    const user = await makeUser();
    const first = await createEmailToken(testDb, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, ttlMinutes: 60 });
    const second = await createEmailToken(testDb, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, ttlMinutes: 60 });
    expect((await consumeEmailToken(testDb, first, "RESET_PASSWORD")).ok).toBe(false);
    expect((await consumeEmailToken(testDb, second, "RESET_PASSWORD")).ok).toBe(true);
  });

  it("succeed exactly once when two requests race with one link", async () => {
    const user = await makeUser();
    const raw = await createEmailToken(testDb, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, ttlMinutes: 60 });
    const results = await Promise.all(Array.from({ length: 5 }, () => consumeEmailToken(testDb, raw, "VERIFY_EMAIL")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });
});
