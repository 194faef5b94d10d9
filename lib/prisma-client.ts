import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export interface PrismaClientOptions {
  poolMax?: number;
}

/**
 * A Prisma client over node-postgres. The timeouts make a database that is
 * down fail a request within seconds instead of hanging it; the pool opens new
 * connections on demand, so the app recovers by itself when the database returns.
 *
 * PostgreSQL's JIT compiler is turned off for the app's sessions: it compiles
 * any query whose estimated cost passes a threshold, and the planner's
 * estimate for the article page's highlight query (its visibility rule has an
 * OR with a subquery) passes it at 100,000 annotations, so about 400 of its
 * 600 ms went to compiling a query that then ran in 200. The app's queries are
 * short; none gains from JIT. (The embedded PGlite has no JIT and ignores it.)
 */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 15_000,
    options: "-c jit=off",
  });
  // The search grams are for the database's index only: no read should carry them to the app.
  return new PrismaClient({ adapter, omit: { annotation: { searchGrams: true } } });
}
