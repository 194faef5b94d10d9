import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";

/** Marks one of the actor's own notifications read; someone else's id matches nothing. */
export async function markNotificationRead(actor: Viewer, id: string): Promise<boolean> {
  const { count } = await getDb().notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count > 0;
}

export async function markAllNotificationsRead(actor: Viewer): Promise<number> {
  const { count } = await getDb().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
