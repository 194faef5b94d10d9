import type { RawMatch } from "./quote-scoring";

/** How far an end may move to reach a word boundary; past that it stays where the search put it. */
const MAX_SNAP = 16;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Moves `from` one step at a time (by `step`) while inside a word; undefined when no boundary is near. */
function findBoundary(text: string, from: number, step: -1 | 1): number | undefined {
  for (let offset = from, moved = 0; moved <= MAX_SNAP; offset += step, moved++) {
    const outside = step < 0 ? text[offset - 1] : text[offset];
    if (!isWordChar(outside)) return offset;
  }
  return undefined;
}

/**
 * Widens a fuzzy match that begins or ends inside a word, when the stored
 * quote began or ended on a word boundary. Edit distance prefers "al
 * community" over "a real community" (one error against five); a highlight
 * should still not start half-way through a word the reader sees.
 */
export function snapToWordBoundaries<T extends RawMatch>(text: string, match: T, quote: { exact: string; prefix: string; suffix: string }): T {
  const startedWord = isWordChar(quote.exact[0]) && !isWordChar(quote.prefix.at(-1));
  const endedWord = isWordChar(quote.exact.at(-1)) && !isWordChar(quote.suffix[0]);
  const splitsStart = isWordChar(text[match.start - 1]) && isWordChar(text[match.start]);
  const splitsEnd = isWordChar(text[match.end - 1]) && isWordChar(text[match.end]);
  const start = startedWord && splitsStart ? (findBoundary(text, match.start, -1) ?? match.start) : match.start;
  const end = endedWord && splitsEnd ? (findBoundary(text, match.end, 1) ?? match.end) : match.end;
  return { ...match, start, end };
}
