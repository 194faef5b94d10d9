import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { resolvePreferences, type KindPreference } from "@/lib/notifications/preferences";

export async function getNotificationPreferences(actor: Viewer): Promise<Record<NotificationKind, KindPreference>> {
  return resolvePreferences(await getDb().notificationPreference.findMany({ where: { userId: actor.id } }));
}

/**
 * Saves every kind at once, as the settings form sends them. Notifications
 * already waiting follow the new choice: a kind switched off by email is not
 * mailed in the next digest, and one switched off in the app leaves the bell.
 */
export async function saveNotificationPreferences(actor: Viewer, preferences: Record<NotificationKind, KindPreference>): Promise<void> {
  const db = getDb();
  await db.$transaction(
    (Object.entries(preferences) as Array<[NotificationKind, KindPreference]>).flatMap(([kind, preference]) => [
      db.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, ...preference },
        update: preference,
      }),
      db.notification.updateMany({ where: { userId: actor.id, kind }, data: { showInApp: preference.inApp } }),
      ...(preference.email === "OFF"
        ? [db.notification.updateMany({ where: { userId: actor.id, kind, emailedAt: null, emailDelivery: { not: "OFF" } }, data: { emailDelivery: "OFF" } })]
        : []),
    ]),
  );
}
