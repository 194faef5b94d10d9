import approxSearch from "approx-string-match";
import type { QuoteContext, RawMatch } from "./quote-scoring";

/** Hypothesis's bound: the search costs O(maxErrors / 32 × text length). */
const MAX_SEARCH_ERRORS = 256;
/** Context shorter than this occurs too often to say where a quote should be. */
const MIN_LOCATING_CONTEXT = 8;
/** Extra room around a window, for edits that moved the quote a little. */
const WINDOW_SLACK = 32;
/** Bounds the windows searched, whatever the context turns up. */
const MAX_WINDOWS = 12;

/** The error budget of the approximate search for a quote of this many UTF-16 units. */
export function maxSearchErrors(quoteLength: number): number {
  return Math.min(MAX_SEARCH_ERRORS, Math.floor(quoteLength / 2));
}

/** Every occurrence of `quote` in `text`, overlapping ones included (UTF-16). */
export function findExactMatches(text: string, quote: string): RawMatch[] {
  const matches: RawMatch[] = [];
  if (quote.length === 0) return matches;
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) {
    matches.push({ start: index, end: index + quote.length, errors: 0 });
  }
  return matches;
}

/**
 * Where the quote would start if it sat where its context or the hint says:
 * after each close match of the prefix, before each close match of the suffix.
 */
function locateByContext(text: string, quoteLength: number, context: QuoteContext): number[] {
  const { prefix = "", suffix = "", hint } = context;
  const starts = hint === undefined ? [] : [hint];
  if (prefix.length >= MIN_LOCATING_CONTEXT) {
    for (const match of approxSearch(text, prefix, Math.floor(prefix.length / 4))) starts.push(match.end);
  }
  if (suffix.length >= MIN_LOCATING_CONTEXT) {
    for (const match of approxSearch(text, suffix, Math.floor(suffix.length / 4))) starts.push(match.start - quoteLength);
  }
  return [...new Set(starts)].slice(0, MAX_WINDOWS);
}

/**
 * Approximate matches of `quote`, as cheap as the input allows. approx-string-match
 * reports only the matches with the fewest errors in the text it is given, so a
 * lightly edited occurrence of a repeated phrase would be hidden by its intact
 * twins. Searching small windows where the context says the quote should be
 * finds that occurrence too; the whole text is searched only when no exact
 * occurrence exists (otherwise it could only report those again).
 */
export function findApproximateMatches(text: string, quote: string, context: QuoteContext, hasExact: boolean): RawMatch[] {
  const maxErrors = maxSearchErrors(quote.length);
  const matches = hasExact ? [] : approxSearch(text, quote, maxErrors);
  const reach = maxErrors + WINDOW_SLACK;
  for (const start of locateByContext(text, quote.length, context)) {
    const from = Math.max(0, start - reach);
    const window = text.slice(from, Math.min(text.length, start + quote.length + reach));
    for (const match of approxSearch(window, quote, maxErrors)) {
      matches.push({ start: from + match.start, end: from + match.end, errors: match.errors });
    }
  }
  return matches;
}
