import "server-only";
// use-intl/core, not next-intl: next-intl's entry pulls in React client hooks, which a script run outside Next cannot load.
import { createTranslator } from "use-intl/core";
import { getLocale } from "next-intl/server";
import { loadMessages } from "@/i18n/load-messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import { wordNotice } from "@/lib/moderation/notice";
import type { EmailTranslator } from "./templates";

/** The language of the request that caused the email; outside a request (a job, a script) the default one. */
async function mailLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Words from one part of the catalogue in the mail's language, in a request or
 * out of one. Keyed by plain strings, as getTranslations is; typed as flat, since
 * keys are checked by the message parity test (nested keys such as
 * "verify.subject" resolve at run time).
 */
async function mailTranslator(pick: (messages: Record<string, unknown>) => unknown): Promise<(key: string, values?: Record<string, string | Date>) => string> {
  const locale = await mailLocale();
  const translate = createTranslator({ locale, messages: pick(await loadMessages(locale)) as Record<string, string>, timeZone: "UTC" });
  return (key, values) => translate(key, values);
}

/** The "emails" words: a moderator's decision can be carried out in a request or out of one. */
export function emailTranslator(): Promise<EmailTranslator> {
  return mailTranslator((messages) => messages.emails);
}

/** A stored moderation notice in words, in the same language as the email around it. */
export async function noticeForEmail(text: string): Promise<string> {
  return wordNotice(await mailTranslator((messages) => (messages.notifications as { moderationNotices: unknown }).moderationNotices), text);
}
