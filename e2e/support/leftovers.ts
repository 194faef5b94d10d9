import type { Page } from "@playwright/test";
import type pg from "pg";

/** Words that are names, not interface text: they read the same in every language. */
const ALLOWED = new Set(["Gloss", "UTC", "JSON", "Markdown", "SMTP", "GitHub", "Google"]);

/**
 * What people and articles wrote (titles, names, notes, reasons): it is never
 * translated, so it is taken out of a page's text before looking for English.
 */
export async function userStrings(db: pg.Pool): Promise<string[]> {
  const { rows } = await db.query(`
    SELECT title AS s FROM "Article"
    UNION SELECT name FROM "User"
    UNION SELECT note FROM "Flag" WHERE note IS NOT NULL
    UNION SELECT reason FROM "ModerationLogEntry" WHERE reason IS NOT NULL
    UNION SELECT reason FROM "Suspension"
    UNION SELECT "moderationReason" FROM "Annotation" WHERE "moderationReason" IS NOT NULL`);
  // Longest first, so a title is removed whole before any shorter name inside it.
  return rows.map((row: { s: string }) => row.s).sort((a, b) => b.length - a.length);
}

/**
 * The main landmark's visible text without user content: quoted passages and
 * annotation bodies are dropped from the DOM copy; handles, addresses, dates'
 * digits and the given strings are removed from the text.
 */
export async function interfaceText(page: Page, strip: string[]): Promise<string> {
  const text = await page.getByRole("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("blockquote, .annotation-body, [data-user-content], [translate=no], script, style").forEach((node) => node.remove());
    document.body.append(copy);
    const visible = copy.innerText;
    copy.remove();
    return visible;
  });
  let rest = text;
  for (const value of strip) rest = rest.split(value).join(" ");
  return rest.replace(/\S+@\S+/g, " ").replace(/@[a-z0-9_]+/g, " ").replace(/https?:\/\/\S+/g, " ");
}

/** English words of three letters or more left in interface text. */
export function englishWords(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'’-]{2,}/g)].map((match) => match[0]).filter((word) => !ALLOWED.has(word));
}

/** next-intl shows "namespace.key" when a message is missing. */
export function missingKeys(text: string): string[] {
  return [...text.matchAll(/\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*(\.[A-Za-z0-9]+)*\b/g)].map((match) => match[0]);
}
