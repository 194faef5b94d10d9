import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

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

/** The actor's newest notifications shown in the app (kinds they switched off in the app are email-only). */
export async function listNotifications(actor: Viewer, limit = 50): Promise<NotificationView[]> {
  const db = getDb();
  const rows = await db.notification.findMany({
    where: { userId: actor.id, showInApp: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, text: true, annotationId: true, actorId: true, readAt: true, createdAt: true },
  });
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
  return getDb().notification.count({ where: { userId: actor.id, showInApp: true, readAt: null } });
}
