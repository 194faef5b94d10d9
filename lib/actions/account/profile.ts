"use server";

import { revalidatePath } from "next/cache";
import { sendVerificationLink } from "@/lib/auth/email-flows";
import { checkPasswordStrength, hashPassword, verifyPassword } from "@/lib/auth/password";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { revokeAllSessions } from "@/lib/data/users/sessions";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { describeWait } from "@/lib/security/rate-limit-response";
import { changeEmailSchema, changeNameSchema, changePasswordSchema, fieldErrors } from "@/lib/validation/auth";
import { formValues, type ActionState } from "../action-state";

const SIGNED_OUT: ActionState = { status: "error", message: "Your session has ended. Sign in again." };

export async function changeNameAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["name"]);
  const parsed = changeNameSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...SIGNED_OUT, values };
  await getDb().user.update({ where: { id: viewer.id }, data: { name: parsed.data.name } });
  revalidatePath("/", "layout");
  return { status: "ok", message: "Your display name is saved.", values: { name: parsed.data.name } };
}

/**
 * Changes the password and ends every other session, so whoever may have
 * known the old password is signed out at once. This browser stays in.
 */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? undefined,
    newPassword: formData.get("newPassword"),
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error) };
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const user = await getDb().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, parsed.data.currentPassword ?? ""))) {
    return { status: "error", fieldErrors: { currentPassword: "That is not your current password." } };
  }
  const weakness = checkPasswordStrength(parsed.data.newPassword, { email: viewer.email, handle: viewer.handle, name: viewer.name });
  if (weakness) return { status: "error", fieldErrors: { newPassword: weakness } };
  await getDb().user.update({ where: { id: viewer.id }, data: { passwordHash: await hashPassword(parsed.data.newPassword) } });
  const ended = await revokeAllSessions(viewer.id, { except: viewer.sessionId });
  revalidatePath("/account");
  return { status: "ok", message: `Your password is changed.${ended ? ` ${ended} other session${ended === 1 ? " was" : "s were"} signed out.` : ""}` };
}

/** A new address takes effect only when the link sent to it is used. */
export async function changeEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["email"]);
  const parsed = changeEmailSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...SIGNED_OUT, values };
  if (parsed.data.email === viewer.email) return { status: "error", fieldErrors: { email: "That is already your address." }, values };
  const limit = await consumeRateLimit("emailVerifyResendAccount", viewer.id);
  if (!limit.allowed) return { status: "error", message: `Too many emails sent. Try again in ${describeWait(limit.retryAfterSeconds)}.`, values };
  const taken = await getDb().user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
  if (taken) return { status: "error", fieldErrors: { email: "Another account uses this address." }, values };
  await sendVerificationLink(viewer, parsed.data.email);
  return { status: "ok", message: `We've sent a link to ${parsed.data.email}. Your address changes when you open it.`, values: { email: "" } };
}
