// use-intl/core, not next-intl: next-intl's entry pulls in React client hooks, which a script run outside Next cannot load.
import { createTranslator } from "use-intl/core";
import englishNotifications from "@/messages/en/notifications.json";

/** What a moderation notice tells its author; each is a message in "notifications.moderationNotices". */
export type ModerationNoticeCode =
  | "hidden"
  | "restored"
  | "approved"
  | "locked"
  | "deleted"
  | "autoHidden"
  | "suspended"
  | "suspensionLifted"
  | "markedSpammer"
  | "spamCleared";

export interface NoticeValues {
  /** An excerpt of the annotation's passage. */
  quote?: string;
  /** The moderator's reason, when they gave one. */
  reason?: string;
  /** ISO time a suspension ends; absent for a permanent one. */
  end?: string;
}

const PREFIX = "notice:";

/**
 * A notice is stored as its code and values, not as a sentence, so each
 * person reads it in their own interface language, whenever they read it.
 */
export function encodeNotice(code: ModerationNoticeCode, values: NoticeValues = {}): string {
  return PREFIX + JSON.stringify({ code, values });
}

export function decodeNotice(text: string): { code: ModerationNoticeCode; values: NoticeValues } | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const parsed = JSON.parse(text.slice(PREFIX.length)) as { code?: unknown; values?: unknown };
    if (typeof parsed.code !== "string" || !(parsed.code in englishNotifications.moderationNotices)) return null;
    const values = parsed.values && typeof parsed.values === "object" ? (parsed.values as Record<string, unknown>) : {};
    const value = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
    return { code: parsed.code as ModerationNoticeCode, values: { quote: value("quote"), reason: value("reason"), end: value("end") } };
  } catch {
    return null;
  }
}

export type NoticeTranslator = (key: ModerationNoticeCode, values: Record<string, string | Date>) => string;

/** The notice in words; text stored before notices had codes is shown as it was written. */
export function wordNotice(t: NoticeTranslator, text: string): string {
  const notice = decodeNotice(text);
  if (!notice) return text;
  const { quote = "", reason = "", end } = notice.values;
  return t(notice.code, { quote, reason, hasReason: reason ? "yes" : "no", permanent: end ? "no" : "yes", end: end ? new Date(end) : new Date(0) });
}

const english = createTranslator({ locale: "en", messages: englishNotifications.moderationNotices as Record<string, string>, timeZone: "UTC" });

/** In English, for notification emails, which go out in English (Gloss keeps no language per account). */
export function noticeInEnglish(text: string): string {
  return wordNotice((key, values) => english(key, values), text);
}
