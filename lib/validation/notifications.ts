import { z } from "zod";
import { emailDeliveries, notificationKinds, type KindPreference } from "@/lib/notifications/preferences";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const notificationIdSchema = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/) });

/** The settings form: for each kind a checkbox `<KIND>.inApp` (present when on) and a choice `<KIND>.email`. */
export function parsePreferencesForm(form: FormData): Record<NotificationKind, KindPreference> | null {
  const email = z.enum(emailDeliveries);
  const result = {} as Record<NotificationKind, KindPreference>;
  for (const kind of notificationKinds) {
    const parsed = email.safeParse(form.get(`${kind}.email`));
    if (!parsed.success) return null;
    result[kind] = { inApp: form.get(`${kind}.inApp`) === "on", email: parsed.data };
  }
  return result;
}

/** `?q=` of the handle autocomplete: what a handle may start with. */
export const handleQuerySchema = z.object({ q: z.string().regex(/^[A-Za-z0-9_]{1,30}$/) });
