import approxSearch from "approx-string-match";
import { createOffsetMap, widenToCodePoints, type OffsetMap } from "./code-points";
import { compareMatches, createMatchScorer, type QuoteContext, type RawMatch, type ScoredMatch } from "./quote-scoring";
import { findExactMatches, findMatchesNearContext, maxSearchErrors } from "./quote-search";

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

const rangeKey = (match: RawMatch): string => `${match.start}:${match.end}`;

/**
 * Ranks the candidates for `quote` in `text` (UTF-16 offsets), best first.
 * Each step runs only while a better candidate could still exist: exact
 * occurrences; then, if there are none, the fewest-error matches in the whole
 * text; then matches near where the context says the quote should be. The
 * error budget is `maxErrorRatio` (at most half) of the quote's length.
 */
export function rankMatches(text: string, quote: string, context: QuoteContext, maxErrorRatio?: number): ScoredMatch[] {
  if (quote.length === 0) return [];
  const scorer = createMatchScorer(text, quote, context);
  const byRank = compareMatches(context.hint);
  const isUnbeatable = (ranked: readonly ScoredMatch[]): boolean =>
    ranked[0] !== undefined && ranked[0].score >= scorer.bestScoreWith(Math.max(1, ranked[0].errors));

  const exact = findExactMatches(text, quote).map(scorer.score).sort(byRank);
  if (isUnbeatable(exact)) return exact;
  const maxErrors = maxSearchErrors(quote.length, maxErrorRatio);
  // With an exact occurrence present, the whole-text search could only report it again.
  const ranked = exact.length > 0 ? exact : approxSearch(text, quote, maxErrors).map(scorer.score).sort(byRank);
  // A match in a window is a match in the whole text with as many errors: when
  // the whole text has none within the budget, no window can (the passage is
  // gone), and when its best is unbeatable, no window can do better. Either way
  // the windows' searches, a dozen for some quotes, are not needed.
  if (ranked.length === 0 || isUnbeatable(ranked)) return ranked;

  const seen = new Set(ranked.map(rangeKey));
  const extra: ScoredMatch[] = [];
  for (const match of findMatchesNearContext(text, quote, context, maxErrors)) {
    if (seen.has(rangeKey(match))) continue;
    seen.add(rangeKey(match));
    extra.push(scorer.score(match));
  }
  return [...ranked, ...extra].sort(byRank);
}

/**
 * Finds `quote` in `text`, or its closest approximation, using the context it
 * was stored with to choose among repeats (after Hypothesis's match-quote).
 * Offsets are code points of `text`; a match never splits a surrogate pair.
 */
export function matchQuote(text: string, quote: string, options: MatchQuoteOptions = {}): QuoteMatch | null {
  const map = options.offsetMap?.text === text ? options.offsetMap : createOffsetMap(text);
  const hint = options.hint === undefined ? undefined : map.toUtf16(options.hint);
  const [best] = rankMatches(text, quote, { prefix: options.prefix, suffix: options.suffix, hint });
  if (!best) return null;
  const range = widenToCodePoints(text, best.start, best.end);
  return { start: map.toCodePoint(range.start), end: map.toCodePoint(range.end), score: best.score, quoteScore: best.quoteScore };
}
