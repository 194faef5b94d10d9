/** Dates of publication are calendar days: format them in UTC so no time zone moves them. */
export function formatPublishedDate(date: Date, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
