import { substringEditDistance } from "./edit-distance";

/** A candidate position of a quote, in UTF-16 units, with its edit distance from the quote. */
export interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/** A candidate with its combined score and its quote similarity, both in 0..1. */
export interface ScoredMatch extends RawMatch {
  score: number;
  quoteScore: number;
}

/** What the quote was found next to, in UTF-16 units of the searched text. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

// Hypothesis's match-quote weights: the words matter most, each side of
// context almost half as much, and the old position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/**
 * Below this many UTF-16 units the quote's weight shrinks in proportion. A
 * short quote ("the", "cyberspace") says little about where it belongs: its
 * twins elsewhere match it perfectly, so its context has to carry the score.
 */
const FULL_WEIGHT_QUOTE_LENGTH = 32;

/**
 * How well `expected` occurs in `actual`, 0..1: one minus its smallest edit
 * distance to a substring of `actual`, over its length. Missing context is
 * neutral (1), so a quote at the very start of a text is not penalised.
 */
function textSimilarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  return 1 - substringEditDistance(actual, expected) / expected.length;
}

/** Scores the candidates for one quote; also says how high a candidate could reach. */
export interface MatchScorer {
  score(match: RawMatch): ScoredMatch;
  /**
   * The best score a candidate with this many errors could reach, its context
   * perfect. A candidate already scoring that cannot be beaten by any with as
   * many errors or more, so costlier searches can be skipped.
   */
  bestScoreWith(errors: number): number;
}

/** Scores candidates for `quote` in `text` against the context it was stored with. */
export function createMatchScorer(text: string, quote: string, context: QuoteContext): MatchScorer {
  const { prefix = "", suffix = "", hint } = context;
  const quoteWeight = QUOTE_WEIGHT * Math.min(1, quote.length / FULL_WEIGHT_QUOTE_LENGTH);
  const totalWeight = quoteWeight + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
  const score = (match: RawMatch): ScoredMatch => {
    const quoteScore = Math.max(0, 1 - match.errors / quote.length);
    // Intact context is the common case; checking it in place avoids slicing.
    const prefixScore = text.endsWith(prefix, match.start)
      ? 1
      : textSimilarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix);
    const suffixScore = text.startsWith(suffix, match.end) ? 1 : textSimilarity(text.slice(match.end, match.end + suffix.length), suffix);
    const positionScore = hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    const raw = quoteWeight * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
    return { ...match, score: raw / totalWeight, quoteScore };
  };
  const bestScoreWith = (errors: number): number => 1 - (quoteWeight * Math.min(1, errors / quote.length)) / totalWeight;
  return { score, bestScoreWith };
}

/** Highest score first; equal scores go to the candidate nearer the hint, then the earlier one. */
export function compareMatches(hint: number | undefined): (a: ScoredMatch, b: ScoredMatch) => number {
  return (a, b) =>
    b.score - a.score ||
    (hint === undefined ? 0 : Math.abs(a.start - hint) - Math.abs(b.start - hint)) ||
    a.start - b.start;
}
