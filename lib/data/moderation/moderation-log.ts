import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isModerator } from "@/lib/moderation/permissions";
import type { LogFilters } from "@/lib/validation/moderation";
import { moderatorFacts } from "./moderator";

export interface LogEntryView {
  id: string;
  createdAt: string;
  actorHandle: string | null;
  action: string;
  annotationId: string | null;
  targetHandle: string | null;
  reason: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}

const PAGE_SIZE = 50;

/** The audit log, newest first, filtered; `before` pages on to older entries. Read-only by construction. */
export async function listModerationLog(actor: Viewer, filters: LogFilters): Promise<{ entries: LogEntryView[]; nextBefore: string | null }> {
  if (!isModerator(moderatorFacts(actor))) return { entries: [], nextBefore: null };
  const db = getDb();
  const cursor = filters.before ? await db.moderationLogEntry.findUnique({ where: { id: filters.before }, select: { createdAt: true, id: true } }) : null;
  const rows = await db.moderationLogEntry.findMany({
    where: {
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.actor ? { actorHandle: filters.actor } : {}),
      ...(filters.target ? { targetHandle: filters.target } : {}),
      ...(filters.annotation ? { annotationId: filters.annotation } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
  });
  const entries = rows.slice(0, PAGE_SIZE).map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actorHandle: row.actorHandle,
    action: row.action,
    annotationId: row.annotationId,
    targetHandle: row.targetHandle,
    reason: row.reason,
    before: row.before,
    after: row.after,
  }));
  return { entries, nextBefore: rows.length > PAGE_SIZE ? entries.at(-1)!.id : null };
}
