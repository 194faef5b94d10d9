import { afterAll, describe, expect, it } from "vitest";
import { databaseEmbedded, testDb } from "@/tests/support/database";

afterAll(async () => {
  await testDb.$disconnect();
});

describe("createPrismaClient", () => {
  // The embedded PGlite has no JIT compiler and ignores the setting; on PostgreSQL it must hold on every session.
  it.skipIf(databaseEmbedded)("turns PostgreSQL's JIT compiler off for the app's sessions", async () => {
    const [row] = await testDb.$queryRaw<Array<{ jit: string }>>`SHOW jit`;
    expect(row?.jit).toBe("off");
  });
});
