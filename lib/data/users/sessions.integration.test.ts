import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, testDb } from "@/tests/support/database";
import { createPrismaClient } from "@/lib/prisma-client";
import { createUserSession, findLiveSession, revokeAllSessions, revokeSession } from "./sessions";
import { findViewerUser } from "./viewer-user";

// A second client with its own pool stands in for a second app instance.
const otherInstance = createPrismaClient(databaseUrl, { poolMax: 2 });

afterAll(async () => {
  await testDb.user.deleteMany({ where: { email: { endsWith: "@sessions.test" } } });
  await otherInstance.$disconnect();
  await testDb.$disconnect();
});

async function makeUser(name: string) {
  return testDb.user.create({ data: { email: `${name}-${Date.now()}@sessions.test`, name, handle: `${name}_${Date.now()}`, passwordHash: null } });
}

describe("session revocation across instances", () => {
  it("a session signed out on one instance is dead on the other at its next request", async () => {
    const user = await makeUser("alice");
    const { id } = await createUserSession(user.id, { userAgent: "Test", ipAddress: "127.0.0.1" });
    expect((await findLiveSession(otherInstance, id))?.user.id).toBe(user.id);

    expect(await revokeSession(user.id, id)).toBe(true);
    expect(await findLiveSession(otherInstance, id)).toBeNull();
    expect(await findLiveSession(testDb, id)).toBeNull();
  });

  it("sign out everywhere ends every session, or all but the one asking", async () => {
    const user = await makeUser("bob");
    const sessions = await Promise.all([1, 2, 3].map(() => createUserSession(user.id, {})));
    expect(await revokeAllSessions(user.id, { except: sessions[0]!.id })).toBe(2);
    expect(await findLiveSession(otherInstance, sessions[0]!.id)).not.toBeNull();
    expect(await findLiveSession(otherInstance, sessions[1]!.id)).toBeNull();
    expect(await revokeAllSessions(user.id)).toBe(1);
    expect(await findLiveSession(otherInstance, sessions[0]!.id)).toBeNull();
  });

  it("nobody can end another user's session", async () => {
    const owner = await makeUser("carol");
    const stranger = await makeUser("dave");
    const { id } = await createUserSession(owner.id, {});
    expect(await revokeSession(stranger.id, id)).toBe(false);
    expect(await findLiveSession(otherInstance, id)).not.toBeNull();
  });

  it("a role change is seen by the next lookup on any instance", async () => {
    const user = await makeUser("erin");
    const { id } = await createUserSession(user.id, {});
    await testDb.user.update({ where: { id: user.id }, data: { role: "MODERATOR" } });
    expect((await findLiveSession(otherInstance, id))?.user.role).toBe("MODERATOR");
  });

  it("an expired session is not live", async () => {
    const user = await makeUser("frank");
    const { id } = await createUserSession(user.id, {});
    await testDb.userSession.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findLiveSession(otherInstance, id)).toBeNull();
  });
});

describe("the session's actor", () => {
  it("reads the same user as findViewerUser, with the suspension in force: permanent over timed, lifted and ended ones ignored", async () => {
    const user = await makeUser("gina");
    const moderator = await makeUser("hank");
    const { id } = await createUserSession(user.id, {});
    await testDb.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), markedSpammerAt: new Date() } });
    expect((await findLiveSession(otherInstance, id))?.user).toEqual(await findViewerUser(testDb, user.id));
    expect((await findLiveSession(otherInstance, id))?.user.suspensions).toEqual([]);

    const suspend = (reason: string, data: { endsAt?: Date | null; liftedAt?: Date | null }) =>
      testDb.suspension.create({ data: { userId: user.id, moderatorId: moderator.id, reason, ...data } });
    await suspend("ended", { endsAt: new Date(Date.now() - 60_000) });
    await suspend("lifted", { endsAt: null, liftedAt: new Date() });
    expect((await findLiveSession(otherInstance, id))?.user.suspensions).toEqual([]);
    const later = new Date(Date.now() + 7 * 86_400_000);
    await suspend("a day", { endsAt: new Date(Date.now() + 86_400_000) });
    await suspend("a week", { endsAt: later });
    expect((await findLiveSession(otherInstance, id))?.user.suspensions).toEqual([{ reason: "a week", endsAt: later }]);
    await suspend("for good", { endsAt: null });
    const session = await findLiveSession(otherInstance, id);
    expect(session?.user.suspensions).toEqual([{ reason: "for good", endsAt: null }]);
    expect(session?.user).toEqual(await findViewerUser(testDb, user.id));
  });
});
