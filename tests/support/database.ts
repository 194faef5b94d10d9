import { inject } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";

/** This run's database (made by integration-setup), for the app's getDb() and for direct checks. */
export const databaseUrl = inject("databaseUrl");
export const databaseEmbedded = inject("databaseEmbedded");
process.env.DATABASE_URL = databaseUrl;

export const testDb = createPrismaClient(databaseUrl, { poolMax: 2 });

