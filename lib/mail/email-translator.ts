import "server-only";
import { createTranslator } from "next-intl";
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

/** The "emails" words, in a request or out of one: a moderator's decision can be carried out by either. */
export async function emailTranslator(): Promise<EmailTranslator> {
  const locale = await mailLocale();
  // Keyed by plain strings, as getTranslations("emails") is. Typed as flat: keys are checked by the message parity test, not here (nested keys such as "verify.subject" resolve at run time).
  const messages = (await loadMessages(locale)).emails as Record<string, string>;
  const translate = createTranslator({ locale, messages });
  return (key, values) => translate(key, values);
}

/** A stored moderation notice in words, in the same language as the email around it. */
export async function noticeForEmail(text: string): Promise<string> {
  const locale = await mailLocale();
  const notifications = (await loadMessages(locale)).notifications as { moderationNotices: Record<string, string> };
  const translate = createTranslator({ locale, messages: notifications.moderationNotices, timeZone: "UTC" });
  return wordNotice((key, values) => translate(key, values), text);
}
