import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getMailTransport } from "./transport";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends through SMTP_URL when configured. Without it, mail goes to the dev
 * outbox (a table, listed at /dev/outbox) and one log line with the first
 * link, so verification and password reset work locally and in tests with
 * no mail server.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await getMailTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  await getDb().outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null } });
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  console.info(`[outbox] to=${mail.to} subject=${JSON.stringify(mail.subject)}${link ? ` link=${link}` : ""}`);
}

/**
 * Whether /dev/outbox exists: never in production, since it shows every
 * reset link to anyone, unless GLOSS_DEV_OUTBOX=1 is set on purpose (the
 * end-to-end tests run a production build and read their mail there).
 * With SMTP_URL set nothing new arrives, so the page goes away too.
 */
export function isDevOutboxEnabled(): boolean {
  const env = getEnv();
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || process.env.GLOSS_DEV_OUTBOX === "1");
}
