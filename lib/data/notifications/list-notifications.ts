import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_STILL_SHOWN_SQL } from "./still-shown";

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  text: string;
  actorHandle: string | null;
  /** The permalink, when it concerns an annotation. */
  annotationId: string | null;
  isRead: boolean;
  createdAt: Date;
}

/**
 * The actor's newest notifications shown in the app (kinds they switched off in the app are email-only),
 * leaving out those about posts since hidden or deleted.
 */
export async function listNotifications(actor: Viewer, limit = 50): Promise<NotificationView[]> {
  const db = getDb();
  const rows = await db.$queryRaw<Array<{ id: string; kind: NotificationKind; text: string; annotationId: string | null; actorId: string | null; readAt: Date | null; createdAt: Date }>>`
    SELECT n.id, n.kind, n.text, n."annotationId", n."actorId", n."readAt", n."createdAt"
      FROM "Notification" n
     WHERE n."userId" = ${actor.id} AND n."showInApp" AND ${Prisma.raw(NOTIFICATION_STILL_SHOWN_SQL)}
     ORDER BY n."createdAt" DESC, n.id DESC
     LIMIT ${limit}`;
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const handles = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, handle: true } })).map((user) => [user.id, user.handle]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    actorHandle: row.actorId ? (handles.get(row.actorId) ?? null) : null,
    annotationId: row.annotationId,
    isRead: row.readAt !== null,
    createdAt: row.createdAt,
  }));
}

/** The bell's number. */
export async function countUnreadNotifications(actor: Viewer): Promise<number> {
  const [row] = await getDb().$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM "Notification" n
     WHERE n."userId" = ${actor.id} AND n."showInApp" AND n."readAt" IS NULL AND ${Prisma.raw(NOTIFICATION_STILL_SHOWN_SQL)}`;
  return row?.count ?? 0;
}
