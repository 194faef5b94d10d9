import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { IDEMPOTENCY_WINDOW_MS, type IdempotencyClaim } from "./idempotency-key";

export type Replay =
  | { kind: "replay"; status: number; body: Prisma.JsonValue }
  | { kind: "mismatch" }
  | null;

/**
 * What this actor's earlier request with the same key answered, if it
 * succeeded within the window. A stale record is forgotten here, so the key
 * can be used again.
 */
export async function findIdempotentReplay(actorId: string, claim: IdempotencyClaim): Promise<Replay> {
  const db = getDb();
  const record = await db.idempotencyRecord.findUnique({ where: { userId_key: { userId: actorId, key: claim.key } } });
  if (!record) return null;
  const cutoff = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS);
  if (record.createdAt < cutoff) {
    await db.idempotencyRecord.deleteMany({ where: { userId: actorId, key: claim.key, createdAt: { lt: cutoff } } });
    return null;
  }
  if (record.requestHash !== claim.requestHash) return { kind: "mismatch" };
  return { kind: "replay", status: record.status, body: record.response };
}
