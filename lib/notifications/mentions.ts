/** At most this many people are notified from one post, so a list of handles cannot be used to spam. */
export const MAX_MENTIONS = 10;

/**
 * The handles a post mentions: "@name" at the start or after a non-word
 * character (so e-mail addresses do not count), lowercased, each once, in order.
 */
export function extractMentions(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/(^|[^\w@])@([A-Za-z0-9_]{3,30})(?![\w@])/g)) {
    found.add(match[2]!.toLowerCase());
    if (found.size === MAX_MENTIONS) break;
  }
  return [...found];
}

/**
 * The "@prefix" being typed just before the caret, for the handle
 * autocomplete: null when the caret is not at the end of a mention.
 */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^\w@])@([A-Za-z0-9_]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

/** The text with the mention at `start` (up to the caret) replaced by the chosen handle and a space. */
export function insertMention(text: string, start: number, caret: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
