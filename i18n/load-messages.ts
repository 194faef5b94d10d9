import "server-only";
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

/** Each feature keeps its strings in messages/<locale>/<namespace>.json; the file name is the namespace. */
export const NAMESPACES = [
  "account",
  "admin",
  "annotationErrors",
  "annotations",
  "apiErrors",
  "auth",
  "common",
  "devOutbox",
  "emails",
  "errors",
  "live",
  "moderation",
  "notifications",
  "opendata",
  "reader",
  "search",
  "share",
  "unavailable",
  "validation",
] as const;

const loaded = new Map<Locale, Promise<Messages>>();

/**
 * The catalogue of one locale. The files are imported, not read from disk, so
 * the build precompiles their ICU messages (next.config.ts) and the browser
 * needs no message parser. They never change while the app runs: each locale
 * is loaded once per process.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(
      NAMESPACES.map(async (namespace) => {
        const file = (await import(`../messages/${locale}/${namespace}.json`)) as { default: unknown };
        return [namespace, file.default] as const;
      }),
    ).then(Object.fromEntries);
    loaded.set(locale, messages);
  }
  return messages;
}
