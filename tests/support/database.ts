import { inject } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";

/** This run's database (made by integration-setup), for the app's getDb() and for direct checks. */
export const databaseUrl = inject("databaseUrl");
process.env.DATABASE_URL = databaseUrl;

export const testDb = createPrismaClient(databaseUrl, { poolMax: 2 });

/**
 * Whether concurrent transactions are isolated, as on any PostgreSQL server.
 * The embedded PGlite runs every connection in one session, so tests of
 * concurrent writers need TEST_DATABASE_URL (CI sets it) and skip without it.
 */
export const isolatesConcurrentTransactions = !inject("embeddedDatabase");
