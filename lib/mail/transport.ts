import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

let cached: { smtpUrl: string; transport: Transporter } | undefined;

/**
 * One SMTP transport per process, reused by every message, so connection
 * options given in the URL (e.g. `?pool=true`) take effect across sends.
 * Keyed by URL so a changed configuration (tests, hot reload) is not ignored.
 */
export function getMailTransport(smtpUrl: string): Transporter {
  if (cached?.smtpUrl !== smtpUrl) cached = { smtpUrl, transport: nodemailer.createTransport(smtpUrl) };
  return cached.transport;
}
