import type { Account, Profile } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { applyConfiguredAdmin } from "./configured-admin";
import { verifyCredentials } from "./credentials";
import { resolveOAuthUser } from "./oauth";
import { hashPassword } from "./password";

const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const adminEmail = (name: string) => `${name}-${stamp}@configured-admin.test`;
const PASSWORD = "a long enough password 42";

beforeAll(() => {
  // Read once per process by getEnv, on its first call below.
  process.env.ADMIN_EMAILS = ["unverified", "verified", "github", "later"].map(adminEmail).join(",");
});

afterAll(async () => {
  await testDb.user.deleteMany({ where: { email: { endsWith: "@configured-admin.test" } } });
  await testDb.$disconnect();
});

async function makeUser(email: string, verified: boolean) {
  return testDb.user.create({
    data: { email, name: "N", handle: `ca_${Math.random().toString(36).slice(2, 12)}`, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: verified ? new Date() : null },
  });
}

const roleOf = async (id: string) => (await testDb.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

describe("ADMIN_EMAILS", () => {
  it("does not make an admin of someone who signed up with an admin's address but never verified it", async () => {
    const user = await makeUser(adminEmail("unverified"), false);
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
    expect(await roleOf(user.id)).toBe("READER");
  });

  it("makes the verified owner of a listed address an admin when they sign in, and nobody else", async () => {
    const owner = await makeUser(adminEmail("verified"), true);
    const other = await makeUser(`other-${stamp}@configured-admin.test`, true);
    await verifyCredentials({ email: owner.email, password: PASSWORD });
    await verifyCredentials({ email: other.email, password: PASSWORD });
    expect(await roleOf(owner.id)).toBe("ADMIN");
    expect(await roleOf(other.id)).toBe("READER");
    const log = await testDb.moderationLogEntry.findMany({ where: { targetUserId: { in: [owner.id, other.id] } } });
    expect(log.map(({ action, actorId, targetUserId, after }) => ({ action, actorId, targetUserId, after }))).toEqual([
      { action: "role_change", actorId: null, targetUserId: owner.id, after: { role: "ADMIN", source: "ADMIN_EMAILS" } },
    ]);
    // Signing in again changes nothing and logs nothing more.
    await verifyCredentials({ email: owner.email, password: PASSWORD });
    expect(await testDb.moderationLogEntry.count({ where: { targetUserId: owner.id } })).toBe(1);
  });

  it("does not trust an address a GitHub sign-in brings, since GitHub does not vouch for it", async () => {
    const email = adminEmail("github");
    const account: Account = { provider: "github", providerAccountId: `gh-${stamp}`, type: "oauth" };
    const profile: Profile & { login: string } = { login: `gh${stamp}` };
    const resolved = await resolveOAuthUser({ id: "x", email }, account, profile);
    expect(typeof resolved).toBe("string");
    expect(await roleOf(resolved as string)).toBe("READER");
  });

  it("promotes the account once its address is verified", async () => {
    const user = await makeUser(adminEmail("later"), false);
    await applyConfiguredAdmin(user.id);
    expect(await roleOf(user.id)).toBe("READER");
    await testDb.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await applyConfiguredAdmin(user.id);
    expect(await roleOf(user.id)).toBe("ADMIN");
  });
});
