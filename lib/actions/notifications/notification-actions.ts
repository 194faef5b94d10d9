"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/data/notifications/mark-read";
import { saveNotificationPreferences } from "@/lib/data/notifications/preferences";
import { notificationIdSchema, parsePreferencesForm } from "@/lib/validation/notifications";

/** Forms post these without JavaScript too; each resolves the actor itself, as any public endpoint must. */
async function actorOrSignIn(returnTo: string) {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const viewer = await actorOrSignIn("/notifications");
  const parsed = notificationIdSchema.safeParse({ id: formData.get("id") });
  if (parsed.success) await markNotificationRead(viewer, parsed.data.id);
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const viewer = await actorOrSignIn("/notifications");
  await markAllNotificationsRead(viewer);
  revalidatePath("/", "layout");
}

export async function saveNotificationPreferencesAction(formData: FormData): Promise<void> {
  const viewer = await actorOrSignIn("/notifications/settings");
  const preferences = parsePreferencesForm(formData);
  if (!preferences) redirect("/notifications/settings?saved=invalid");
  await saveNotificationPreferences(viewer, preferences);
  redirect("/notifications/settings?saved=1");
}
