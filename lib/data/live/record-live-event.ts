import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANNEL, type LiveEventKind } from "@/lib/live/events";

/**
 * Writes a live event inside the transaction that made the change, so an
 * event exists exactly when the change does. The per-article advisory lock,
 * held until commit, makes events of one article commit in id order: a
 * listener that has seen id N can never later meet a smaller id, so resuming
 * "after N" has no gap. NOTIFY is delivered only on commit, carrying ids only.
 *
 * One statement, one round trip: the row is produced from the lock's result,
 * so the lock is taken before the id is drawn from the sequence (a volatile
 * CTE is neither inlined nor reordered). The integration test proves the
 * commit order under concurrency, beside a control without the lock.
 */
export async function recordLiveEvent(
  tx: Prisma.TransactionClient,
  event: { articleId: string; annotationId: string; kind: LiveEventKind },
): Promise<void> {
  await tx.$executeRaw`
    WITH locked AS (SELECT pg_advisory_xact_lock(hashtext(${`live:${event.articleId}`})) AS held),
         written AS (
           INSERT INTO "LiveEvent" ("articleId", kind, "annotationId")
           SELECT ${event.articleId}, ${event.kind}, ${event.annotationId} FROM locked
           RETURNING id
         )
    SELECT pg_notify(${LIVE_CHANNEL}, ${event.articleId} || ':' || written.id::text) FROM written`;
}
