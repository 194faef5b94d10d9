/**
 * The languages an article may be written in, as BCP 47 tags. A short list an
 * admin picks from rather than free text, so every page gets a tag screen
 * readers and browsers know; add to it as articles in other languages arrive.
 */
export const ARTICLE_LANGUAGES = ["en", "zh-CN", "zh-TW", "ja", "ko", "fr", "de", "es", "pt", "ru", "ar"] as const;

export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** Right-to-left scripts among them, for `dir`. */
export function languageDirection(language: string): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}
