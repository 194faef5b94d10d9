import type { EmailDelivery, NotificationKind } from "@/lib/generated/prisma/enums";

export const notificationKinds = ["REPLY", "THREAD_REPLY", "MENTION", "MODERATION"] as const satisfies readonly NotificationKind[];
export const emailDeliveries = ["OFF", "IMMEDIATE", "DIGEST"] as const satisfies readonly EmailDelivery[];

export interface KindPreference {
  inApp: boolean;
  email: EmailDelivery;
}

/**
 * Without a saved choice everything shows in the app, and only moderation
 * notices are emailed (at once), as they were before preferences existed:
 * people should hear when their content is hidden.
 */
export const DEFAULT_PREFERENCES: Record<NotificationKind, KindPreference> = {
  REPLY: { inApp: true, email: "OFF" },
  THREAD_REPLY: { inApp: true, email: "OFF" },
  MENTION: { inApp: true, email: "OFF" },
  MODERATION: { inApp: true, email: "IMMEDIATE" },
};

/** The preference in force for each kind: saved rows over the defaults. */
export function resolvePreferences(rows: ReadonlyArray<{ kind: NotificationKind } & KindPreference>): Record<NotificationKind, KindPreference> {
  const resolved = { ...DEFAULT_PREFERENCES };
  for (const row of rows) resolved[row.kind] = { inApp: row.inApp, email: row.email };
  return resolved;
}

/** Whether a notification is made at all: a kind switched off everywhere is neither stored nor sent. */
export function isWanted(preference: KindPreference): boolean {
  return preference.inApp || preference.email !== "OFF";
}
