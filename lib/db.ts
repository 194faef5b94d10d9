import "server-only";
import { getEnv } from "./env";
import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient } from "./prisma-client";

const globalForPrisma = globalThis as unknown as { glossPrisma?: PrismaClient };

/** The app's one Prisma client (kept on globalThis so dev reloads reuse it). */
export function getDb(): PrismaClient {
  if (globalForPrisma.glossPrisma) return globalForPrisma.glossPrisma;
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start Gloss with `npm start`, which provides the embedded database.");
  }
  globalForPrisma.glossPrisma = createPrismaClient(env.DATABASE_URL, { poolMax: env.DATABASE_POOL_MAX });
  return globalForPrisma.glossPrisma;
}
