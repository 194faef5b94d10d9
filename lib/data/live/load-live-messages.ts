import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { visibleAnnotationsWhere } from "@/lib/data/annotations/scope";
import { isRemoval, type LiveEventKind, type LiveMessage } from "@/lib/live/events";

const BATCH = 200;

/**
 * The article's events after `after`, as this viewer may receive them. Each
 * annotation is re-read through visibleAnnotationsWhere at delivery time, so
 * what changed since the event was written (a hide, a deletion) counts:
 * private, pending and hidden items never reach anyone else. A removal of a
 * public item still goes out as a bare id, so open pages can drop it.
 * `cursor` moves past every event read, delivered or not.
 */
export async function loadLiveMessages(viewer: Viewer | null, articleId: string, after: bigint): Promise<{ messages: LiveMessage[]; cursor: bigint; hasMore: boolean }> {
  const db = getDb();
  const events = await db.liveEvent.findMany({ where: { articleId, id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH });
  if (events.length === 0) return { messages: [], cursor: after, hasMore: false };
  const ids = [...new Set(events.map((event) => event.annotationId))];
  const [visible, existing] = await Promise.all([
    db.annotation.findMany({ where: { id: { in: ids }, ...visibleAnnotationsWhere(viewer?.id ?? null) }, select: { id: true, rootId: true, authorId: true } }),
    db.annotation.findMany({ where: { id: { in: ids } }, select: { id: true, visibility: true } }),
  ]);
  const visibleById = new Map(visible.map((row) => [row.id, row]));
  const visibilityById = new Map(existing.map((row) => [row.id, row.visibility]));
  const messages: LiveMessage[] = [];
  for (const event of events) {
    const kind = event.kind as LiveEventKind;
    const row = visibleById.get(event.annotationId);
    if (row) {
      messages.push({ id: event.id.toString(), kind, annotationId: row.id, rootId: row.rootId, isVisible: true, isOwn: viewer !== null && row.authorId === viewer.id });
      continue;
    }
    // Gone entirely (only public items are deleted by moderators) or public but hidden: the id alone, to drop it.
    const visibility = visibilityById.get(event.annotationId);
    if (isRemoval(kind) && (visibility === undefined || visibility === "PUBLIC")) {
      messages.push({ id: event.id.toString(), kind, annotationId: event.annotationId, rootId: null, isVisible: false, isOwn: false });
    }
  }
  return { messages, cursor: events.at(-1)!.id, hasMore: events.length === BATCH };
}

/** Where a new stream starts when the client names no event: the newest one, so it hears only what comes next. */
export async function latestLiveEventId(articleId: string): Promise<bigint> {
  const latest = await getDb().liveEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0n;
}
