import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/data/unique-violation";
import { IDEMPOTENCY_WINDOW_MS, type IdempotencyClaim } from "./idempotency-key";

/** Thrown when another request with the same key committed first; the caller answers with that one's response. */
export class IdempotencyConflictError extends Error {
  constructor() {
    super("A request with this Idempotency-Key was already handled.");
  }
}

/**
 * Runs a write and records its response under the key in the same
 * transaction, so either both exist or neither does. The key is claimed
 * first: a concurrent duplicate waits on that row, then fails on the primary
 * key once the first commits, and creates nothing. No lock or second
 * connection is involved, so on the embedded database (one transaction at a
 * time) the duplicate simply waits for the whole first transaction and fails
 * the same way. `write` must use only the client it is given.
 */
export async function writeOnce<T extends Prisma.InputJsonValue>(
  actorId: string,
  claim: IdempotencyClaim | null,
  write: (client: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const db = getDb();
  // Without a key the write is still one transaction: what it records beside the row (live events, notifications) commits with it.
  if (!claim) return db.$transaction((tx) => write(tx));
  try {
    return await db.$transaction(async (tx) => {
      const where = { userId_key: { userId: actorId, key: claim.key } };
      await tx.idempotencyRecord.create({ data: { userId: actorId, key: claim.key, requestHash: claim.requestHash, status: 0, response: {} } });
      const result = await write(tx);
      await tx.idempotencyRecord.update({ where, data: { status: 200, response: result } });
      // Now and then, forget keys past the window so the table stays small.
      if (Math.random() < 0.01) await tx.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new IdempotencyConflictError();
    throw error;
  }
}
