import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

let transport: Transporter | undefined;

/**
 * Sends through SMTP_URL when configured. Without it, mail goes to the dev
 * outbox (a table, listed at /dev/outbox outside production) and the log, so
 * verification and reset work locally and in tests.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  await getDb().outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null } });
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  console.info(`[outbox] to=${mail.to} subject=${JSON.stringify(mail.subject)}${link ? ` link=${link}` : ""}`);
}

/** The outbox page exists only outside production, and only while mail has nowhere else to go. */
export function isDevOutboxEnabled(): boolean {
  const env = getEnv();
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || process.env.GLOSS_DEV_OUTBOX === "1");
}
