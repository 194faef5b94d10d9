import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export interface PrismaClientOptions {
  poolMax?: number;
}

/**
 * A Prisma client over node-postgres. The timeouts make a database that is
 * down fail a request within seconds instead of hanging it; the pool opens new
 * connections on demand, so the app recovers by itself when the database returns.
 */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 15_000,
  });
  // The search grams are for the database's index only: no read should carry them to the app.
  return new PrismaClient({ adapter, omit: { annotation: { searchGrams: true } } });
}
