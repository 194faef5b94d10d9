"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessionCookieName } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { revokeAllSessions, revokeSession } from "@/lib/data/users/sessions";

async function clearSessionCookie() {
  const jar = await cookies();
  jar.delete(sessionCookieName());
  // next-auth splits very large tokens into numbered chunks; ours are small, but clear any.
  for (const cookie of jar.getAll()) if (cookie.name.startsWith(`${sessionCookieName()}.`)) jar.delete(cookie.name);
}

/** Signs this browser out: its session row is revoked, so the token is dead even if kept. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await revokeSession(viewer.id, viewer.sessionId);
  await clearSessionCookie();
  redirect("/");
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await revokeAllSessions(viewer.id);
  await clearSessionCookie();
  redirect("/signin?signedOut=everywhere");
}

/** Ends one of the viewer's other sessions (from the account page's list). */
export async function endSessionAction(formData: FormData): Promise<void> {
  const parsed = z.object({ sessionId: z.string().min(1).max(64) }).safeParse({ sessionId: formData.get("sessionId") });
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account");
  if (parsed.success) await revokeSession(viewer.id, parsed.data.sessionId);
  revalidatePath("/account");
}
