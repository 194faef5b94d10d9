"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { applyConfiguredAdmin } from "@/lib/auth/configured-admin";
import { consumeEmailToken } from "@/lib/auth/email-tokens";
import { sendVerificationLink } from "@/lib/auth/email-flows";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailTranslator } from "@/lib/mail/email-translator";
import { sendMail } from "@/lib/mail/send-mail";
import { emailChangedNotice } from "@/lib/mail/templates";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { getTranslations } from "next-intl/server";
import { localizedWait } from "@/lib/security/localized-rate-limit";
import type { ActionState } from "../action-state";

/** The message key for each way a verification link can fail. */
const PROBLEMS = { invalid: "linkInvalid", expired: "linkExpired", used: "linkUsed" } as const;

/**
 * Confirms an address from an emailed link. It runs on a button press, not on
 * opening the link, so mail scanners that fetch links cannot spend it.
 * No session is needed: the link itself is the proof.
 */
export async function verifyEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = z.object({ token: z.string().min(20).max(200) }).safeParse({ token: formData.get("token") });
  const tLink = await getTranslations("auth.verify");
  if (!parsed.success) return { status: "error", message: tLink(PROBLEMS.invalid) };
  const db = getDb();
  const consumed = await consumeEmailToken(db, parsed.data.token, "VERIFY_EMAIL");
  if (!consumed.ok) return { status: "error", message: tLink(PROBLEMS[consumed.reason]) };
  try {
    // For a change of address this is the moment the new one takes over.
    const before = await db.user.findUniqueOrThrow({ where: { id: consumed.token.userId }, select: { email: true, name: true } });
    await db.user.update({
      where: { id: consumed.token.userId },
      data: { email: consumed.token.email, emailVerifiedAt: new Date() },
    });
    // The owner of an ADMIN_EMAILS address has just proved it.
    await applyConfiguredAdmin(consumed.token.userId);
    if (before.email !== consumed.token.email) {
      // The old address hears of the change, so a hijacked account does not go unnoticed.
      await sendMail({ to: before.email, ...emailChangedNotice(await emailTranslator(), { name: before.name, oldEmail: before.email, newEmail: consumed.token.email }) });
    }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "error", message: (await getTranslations("account.outcomes"))("emailTaken") };
    }
    throw error;
  }
  redirect("/verify-email?verified=1");
}

/** Sends the signed-in user a fresh verification link, at most a few times an hour. */
export async function resendVerificationAction(): Promise<ActionState> {
  const viewer = await getViewer();
  if (!viewer) return { status: "error", message: (await getTranslations("account.outcomes"))("signInFirst") };
  if (viewer.isEmailVerified) return { status: "ok", message: (await getTranslations("account.outcomes"))("alreadyVerified") };
  const limit = await consumeRateLimit("emailVerifyResendAccount", viewer.id);
  if (!limit.allowed) return { status: "error", message: (await getTranslations("account.outcomes"))("tooManyLinks", { wait: await localizedWait(limit.retryAfterSeconds) }) };
  await sendVerificationLink(viewer, viewer.email);
  return { status: "ok", message: (await getTranslations("account.outcomes"))("newLinkSent", { email: viewer.email }) };
}
