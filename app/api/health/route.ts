import { connection } from "next/server";
import { getDb } from "@/lib/db";

/**
 * For load balancers: 200 when this instance can reach PostgreSQL, 503 when
 * it cannot. It does one trivial query through the same client as every
 * page, so the benchmarks also use it as the cost of a request that does
 * nothing but reach the database.
 */
export async function GET() {
  await connection();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } });
  }
}
