import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { resolvePreferences, type KindPreference } from "@/lib/notifications/preferences";

export async function getNotificationPreferences(actor: Viewer): Promise<Record<NotificationKind, KindPreference>> {
  return resolvePreferences(await getDb().notificationPreference.findMany({ where: { userId: actor.id } }));
}

/** Saves every kind at once, as the settings form sends them. */
export async function saveNotificationPreferences(actor: Viewer, preferences: Record<NotificationKind, KindPreference>): Promise<void> {
  await getDb().$transaction(
    Object.entries(preferences).map(([kind, preference]) =>
      getDb().notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind: kind as NotificationKind } },
        create: { userId: actor.id, kind: kind as NotificationKind, ...preference },
        update: preference,
      }),
    ),
  );
}
