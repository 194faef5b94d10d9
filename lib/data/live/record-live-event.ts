import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANNEL, type LiveEventKind } from "@/lib/live/events";

/**
 * Writes a live event inside the transaction that made the change, so an
 * event exists exactly when the change does. The per-article advisory lock,
 * held until commit, makes events of one article commit in id order: a
 * listener that has seen id N can never later meet a smaller id, so resuming
 * "after N" has no gap. NOTIFY is delivered only on commit, carrying ids only.
 */
export async function recordLiveEvent(
  tx: Prisma.TransactionClient,
  event: { articleId: string; annotationId: string; kind: LiveEventKind },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`live:${event.articleId}`}))`;
  const row = await tx.liveEvent.create({ data: event, select: { id: true } });
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${`${event.articleId}:${row.id.toString()}`})`;
}
