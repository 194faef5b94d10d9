import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { isWanted } from "@/lib/notifications/preferences";
import { loadPreferences } from "./load-preferences";

export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  annotationId: string | null;
  actorId: string | null;
  text: string;
}

/**
 * Stores the notifications people still want, as their preferences say at
 * this moment: a kind switched off in the app and by email is not created at
 * all. Returns the ids to email at once (after the transaction commits).
 */
export async function createNotifications(tx: Prisma.TransactionClient, planned: readonly PlannedNotification[]): Promise<string[]> {
  const preferences = await loadPreferences(tx, [...new Set(planned.map((item) => item.userId))]);
  const immediate: string[] = [];
  for (const item of planned) {
    const preference = preferences.get(item.userId)![item.kind];
    if (!isWanted(preference)) continue;
    const row = await tx.notification.create({
      data: { ...item, showInApp: preference.inApp, emailDelivery: preference.email },
      select: { id: true },
    });
    if (preference.email === "IMMEDIATE") immediate.push(row.id);
  }
  return immediate;
}
