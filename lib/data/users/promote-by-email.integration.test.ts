import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { promoteByEmail } from "./promote-by-email";

afterAll(async () => {
  await testDb.user.deleteMany({ where: { email: { endsWith: "@promote.test" } } });
  await testDb.$disconnect();
});

class Rollback extends Error {}

describe("promoteByEmail (npm run user -- promote)", () => {
  it("never leaves the site without an admin", async () => {
    const stamp = Date.now().toString(36);
    const only = await testDb.user.create({ data: { email: `only-${stamp}@promote.test`, name: "Only", handle: `only_${stamp}`, role: "ADMIN" } });
    const next = await testDb.user.create({ data: { email: `next-${stamp}@promote.test`, name: "Next", handle: `next_${stamp}` } });
    // Other test files leave admins in this shared database: inside a transaction that is rolled back, this one is the only one.
    await expect(
      testDb.$transaction(async (tx) => {
        await tx.user.updateMany({ where: { role: "ADMIN", id: { not: only.id } }, data: { role: "READER" } });
        expect(await promoteByEmail(tx, only.email, "READER")).toBe("lastAdmin");
        expect((await tx.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("ADMIN");
        expect(await promoteByEmail(tx, next.email.toUpperCase(), "ADMIN")).toBe("changed");
        expect(await promoteByEmail(tx, only.email, "MODERATOR")).toBe("changed");
        expect(await promoteByEmail(tx, "nobody@promote.test", "ADMIN")).toBe("missing");
        const log = await tx.moderationLogEntry.findMany({ where: { targetUserId: { in: [only.id, next.id] } }, orderBy: { createdAt: "asc" } });
        expect(log.map(({ action, actorId, targetHandle, before, after }) => ({ action, actorId, targetHandle, before, after }))).toEqual([
          { action: "role_change", actorId: null, targetHandle: next.handle, before: { role: "READER" }, after: { role: "ADMIN", source: "command line" } },
          { action: "role_change", actorId: null, targetHandle: only.handle, before: { role: "ADMIN" }, after: { role: "MODERATOR", source: "command line" } },
        ]);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("ADMIN");
  });
});
