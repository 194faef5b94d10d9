import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { resolvePreferences, type KindPreference } from "@/lib/notifications/preferences";

/** The preferences in force for several people at once: one query, defaults where nothing is saved. */
export async function loadPreferences(tx: Prisma.TransactionClient, userIds: readonly string[]): Promise<Map<string, Record<NotificationKind, KindPreference>>> {
  const rows = userIds.length ? await tx.notificationPreference.findMany({ where: { userId: { in: [...userIds] } } }) : [];
  return new Map(userIds.map((userId) => [userId, resolvePreferences(rows.filter((row) => row.userId === userId))]));
}
