import { createOffsetMap, widenToCodePoints, type OffsetMap } from "./code-points";
import { compareMatches, createMatchScorer, type QuoteContext, type RawMatch, type ScoredMatch } from "./quote-scoring";
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

const rangeKey = (match: RawMatch): string => `${match.start}:${match.end}`;

/**
 * Ranks the candidates for `quote` in `text` (UTF-16 offsets), best first:
 * exact occurrences, then, unless an exact one is already unbeatable,
 * approximate ones within half the quote's length in edits.
 */
export function rankMatches(text: string, quote: string, context: QuoteContext): ScoredMatch[] {
  if (quote.length === 0) return [];
  const scorer = createMatchScorer(text, quote, context);
  const byRank = compareMatches(context.hint);
  const exact = findExactMatches(text, quote).map(scorer.score).sort(byRank);
  if ((exact[0]?.score ?? 0) >= scorer.bestInexactScore) return exact;
  const seen = new Set(exact.map(rangeKey));
  const approximate: ScoredMatch[] = [];
  for (const match of findApproximateMatches(text, quote, context, exact.length > 0)) {
    if (seen.has(rangeKey(match))) continue;
    seen.add(rangeKey(match));
    approximate.push(scorer.score(match));
  }
  return [...exact, ...approximate].sort(byRank);
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
