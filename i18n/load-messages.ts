import "server-only";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

const MESSAGES_DIR = join(process.cwd(), "messages");
const loaded = new Map<Locale, Promise<Messages>>();

/**
 * Each feature keeps its strings in messages/<locale>/<namespace>.json; the file
 * name is the namespace. The files ship with the app and never change while it
 * runs, so each locale is read once per process.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = readNamespaces(join(MESSAGES_DIR, locale));
    loaded.set(locale, messages);
  }
  return messages;
}

async function readNamespaces(dir: string): Promise<Messages> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const entries = await Promise.all(
    files.map(async (file) => [file.slice(0, -".json".length), JSON.parse(await readFile(join(dir, file), "utf8")) as unknown] as const),
  );
  return Object.fromEntries(entries);
}
