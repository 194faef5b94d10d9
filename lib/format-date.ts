/**
 * Dates of publication are calendar days: shown in UTC (the request config's
 * zone) so no time zone moves them. Pass to next-intl's format.dateTime.
 */
export const PUBLISHED_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
