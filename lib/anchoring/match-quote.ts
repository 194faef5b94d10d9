import { createOffsetMap, widenToCodePoints, type OffsetMap } from "./code-points";
import { bestInexactScore, compareMatches, createMatchScorer, type RawMatch, type ScoredMatch } from "./quote-scoring";
import { findApproximateMatches, findExactMatches } from "./quote-search";

/** Where a quote was found, in code points of the searched text. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Quote, context and position combined, 0..1; 1 is the quote with its context at the hinted place. */
  score: number;
  /** Similarity of the matched text to the quote alone: 1 minus edit distance over quote length. */
  quoteScore: number;
}

export interface MatchQuoteOptions {
  /** Text expected just before the quote. */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Expected start, in code points; breaks ties between equally good candidates. */
  hint?: number;
  /** The offset map of `text`, when the caller searches the same text many times (ignored if made for another text). */
  offsetMap?: OffsetMap;
}

function dedupe(matches: readonly RawMatch[]): RawMatch[] {
  const seen = new Map<string, RawMatch>();
  for (const match of matches) seen.set(`${match.start}:${match.end}`, match);
  return [...seen.values()];
}

/**
 * Finds the best match for `quote` in `text` (offsets in UTF-16 units): exact
 * occurrences first, then approximate ones, each ranked by quote similarity,
 * context similarity and closeness to the hint. Null when nothing is within
 * half the quote's length in edits.
 */
export function findBestMatch(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): ScoredMatch | null {
  if (quote.length === 0) return null;
  const score = createMatchScorer(text, quote, context);
  const byRank = compareMatches(context.hint);
  const exact = findExactMatches(text, quote).map(score).sort(byRank);
  const bestExact = exact[0];
  if (bestExact && bestExact.score >= bestInexactScore(quote.length)) return bestExact;

  const approximate = findApproximateMatches(text, quote, context, exact.length > 0);
  const candidates = dedupe([...exact, ...approximate]).map(score).sort(byRank);
  return candidates[0] ?? null;
}

/**
 * Finds `quote` in `text`, or its closest approximation, using the context it
 * was stored with to choose among repeats (after Hypothesis's match-quote).
 * Offsets are code points of `text`; a match never splits a surrogate pair.
 */
export function matchQuote(text: string, quote: string, options: MatchQuoteOptions = {}): QuoteMatch | null {
  const map = options.offsetMap?.text === text ? options.offsetMap : createOffsetMap(text);
  const hint = options.hint === undefined ? undefined : map.toUtf16(options.hint);
  const best = findBestMatch(text, quote, { prefix: options.prefix, suffix: options.suffix, hint });
  if (!best) return null;
  const range = widenToCodePoints(text, best.start, best.end);
  return { start: map.toCodePoint(range.start), end: map.toCodePoint(range.end), score: best.score, quoteScore: best.quoteScore };
}
