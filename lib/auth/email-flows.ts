import "server-only";
import { emailTranslator } from "@/lib/mail/email-translator";
import { getDb } from "@/lib/db";
import { getSiteUrl } from "@/lib/site-url";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordResetEmail, verificationEmail } from "@/lib/mail/templates";
import { createEmailToken, EMAIL_TOKEN_TTL_MINUTES } from "./email-tokens";

// Gloss stores no language per account, so mail goes out in the language of the request that caused it.

/** Emails a single-use link that verifies `email` for the user (their current or a new address). */
export async function sendVerificationLink(user: { id: string; name: string }, email: string): Promise<void> {
  const token = await createEmailToken(getDb(), { userId: user.id, purpose: "VERIFY_EMAIL", email, ttlMinutes: EMAIL_TOKEN_TTL_MINUTES.VERIFY_EMAIL });
  const url = new URL(`/verify-email?token=${encodeURIComponent(token)}`, await getSiteUrl()).toString();
  await sendMail({ to: email, ...verificationEmail(await emailTranslator(), { name: user.name, url }) });
}

/** Emails a password-reset link to the account's current address. */
export async function sendPasswordResetLink(user: { id: string; name: string; email: string }): Promise<void> {
  const token = await createEmailToken(getDb(), {
    userId: user.id,
    purpose: "RESET_PASSWORD",
    email: user.email,
    ttlMinutes: EMAIL_TOKEN_TTL_MINUTES.RESET_PASSWORD,
  });
  const url = new URL(`/reset-password?token=${encodeURIComponent(token)}`, await getSiteUrl()).toString();
  await sendMail({ to: user.email, ...passwordResetEmail(await emailTranslator(), { name: user.name, url }) });
}
