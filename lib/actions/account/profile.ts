"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { sendVerificationLink } from "@/lib/auth/email-flows";
import { describePasswordWeakness } from "@/lib/auth/localized-password";
import { hashPassword } from "@/lib/auth/password";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { revokeAllSessions } from "@/lib/data/users/sessions";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { localizedWait } from "@/lib/security/localized-rate-limit";
import { changeEmailSchema, changeNameSchema, changePasswordSchema, fieldErrors } from "@/lib/validation/auth";
import { formValues, type ActionState } from "../action-state";
import { checkCurrentPassword } from "./check-current-password";

/** The answer when the session ended while the form was open. */
async function signedOut(): Promise<ActionState> {
  return { status: "error", message: (await getTranslations("account.outcomes"))("signedOut") };
}

export async function changeNameAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["name"]);
  const parsed = changeNameSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error, await issueTranslator()), values };
  const viewer = await getViewer();
  if (!viewer) return { ...(await signedOut()), values };
  // The name shows on every visible post: a suspended account cannot use it to say what it may not post.
  if (viewer.suspension) return { status: "error", message: (await getTranslations("account.outcomes"))("nameWhileSuspended"), values };
  await getDb().user.update({ where: { id: viewer.id }, data: { name: parsed.data.name } });
  revalidatePath("/", "layout");
  return { status: "ok", message: (await getTranslations("account.outcomes"))("nameSaved"), values: { name: parsed.data.name } };
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
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error, await issueTranslator()) };
  const viewer = await getViewer();
  if (!viewer) return signedOut();
  const user = await getDb().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (user.passwordHash) {
    const check = await checkCurrentPassword(viewer.email, user.passwordHash, parsed.data.currentPassword ?? "");
    const t = await getTranslations("account.outcomes");
    if (check.outcome === "limited") return { status: "error", message: t("tooManyPasswordAttempts", { wait: check.wait }) };
    if (check.outcome === "wrong") return { status: "error", fieldErrors: { currentPassword: t("wrongCurrentPassword") } };
  }
  const weakness = await describePasswordWeakness(parsed.data.newPassword, { email: viewer.email, handle: viewer.handle, name: viewer.name });
  if (weakness) return { status: "error", fieldErrors: { newPassword: weakness } };
  await getDb().user.update({ where: { id: viewer.id }, data: { passwordHash: await hashPassword(parsed.data.newPassword) } });
  const ended = await revokeAllSessions(viewer.id, { except: viewer.sessionId });
  revalidatePath("/account");
  return { status: "ok", message: `${(await getTranslations("account.outcomes"))("passwordChanged")}${ended ? (await getTranslations("account.outcomes"))("sessionsEnded", { count: ended }) : ""}` };
}

/** A new address takes effect only when the link sent to it is used. */
export async function changeEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["email"]);
  const parsed = changeEmailSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error, await issueTranslator()), values };
  const viewer = await getViewer();
  if (!viewer) return { ...(await signedOut()), values };
  const t = await getTranslations("account.outcomes");
  if (parsed.data.email === viewer.email) return { status: "error", fieldErrors: { email: t("sameEmail") }, values };
  const limit = await consumeRateLimit("emailVerifyResendAccount", viewer.id);
  if (!limit.allowed) return { status: "error", message: t("tooManyEmails", { wait: await localizedWait(limit.retryAfterSeconds) }), values };
  const taken = await getDb().user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
  if (taken) return { status: "error", fieldErrors: { email: t("emailInUse") }, values };
  await sendVerificationLink(viewer, parsed.data.email);
  return { status: "ok", message: t("emailLinkSent", { email: parsed.data.email }), values: { email: "" } };
}
