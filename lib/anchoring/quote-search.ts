import approxSearch from "approx-string-match";
import type { QuoteContext, RawMatch } from "./quote-scoring";

/** Hypothesis's bound: the search costs O(maxErrors / 32 × text length). */
const MAX_SEARCH_ERRORS = 256;
/** Context shorter than this occurs too often to say where a quote should be. */
const MIN_LOCATING_CONTEXT = 8;
/**
 * Extra room around a window, for a context match that is itself a few edits
 * off. Kept small: the search reports only the window's fewest-error matches,
 * so an intact twin caught in a wide window would hide the edited quote again.
 */
const WINDOW_SLACK = 8;
/** Bounds the windows searched, whatever the context turns up. */
const MAX_WINDOWS = 12;

/**
 * The error budget of the approximate search: half the quote, as Hypothesis
 * allows, unless the caller will reject anything worse anyway (a smaller
 * budget makes the search much cheaper).
 */
export function maxSearchErrors(quoteLength: number, maxErrorRatio = 0.5): number {
  return Math.min(MAX_SEARCH_ERRORS, Math.floor(quoteLength * Math.min(maxErrorRatio, 0.5)));
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
 * The fewest-error matches of a piece of context, allowing a quarter of it to
 * differ. approx-string-match reports only the fewest-error matches, so when
 * the context occurs intact its result is exactly the intact occurrences:
 * finding those with indexOf gives the same answer without the costly scan,
 * and most context survives an edit.
 */
function closestMatches(text: string, context: string): RawMatch[] {
  const exact = findExactMatches(text, context);
  return exact.length > 0 ? exact : approxSearch(text, context, Math.floor(context.length / 4));
}

/**
 * Where the quote would start if it sat where its context or the hint says:
 * after each close match of the prefix, before each close match of the suffix.
 */
function locateByContext(text: string, quoteLength: number, context: QuoteContext): number[] {
  const { prefix = "", suffix = "", hint } = context;
  const starts = hint === undefined ? [] : [hint];
  if (prefix.length >= MIN_LOCATING_CONTEXT) {
    for (const match of closestMatches(text, prefix)) starts.push(match.end);
  }
  if (suffix.length >= MIN_LOCATING_CONTEXT) {
    for (const match of closestMatches(text, suffix)) starts.push(match.start - quoteLength);
  }
  return [...new Set(starts)].slice(0, MAX_WINDOWS);
}

/**
 * Approximate matches of `quote` in small windows where its context or the
 * hint says it should be. approx-string-match reports only the matches with
 * the fewest errors in the text it is given, so across the whole text a
 * lightly edited occurrence of a repeated phrase would be hidden by its
 * intact twins, or by a closer but unrelated passage.
 */
export function findMatchesNearContext(text: string, quote: string, context: QuoteContext, maxErrors: number): RawMatch[] {
  const matches: RawMatch[] = [];
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
