import type { CanonicalText } from "../articles/canonical-text";
import { createOffsetMap, widenToCodePoints, type OffsetMap } from "./code-points";
import { matchQuote } from "./match-quote";
import { compareMatches, createMatchScorer, type ScoredMatch } from "./quote-scoring";
import { findExactMatches } from "./quote-search";
import type { StoredSelectors } from "./selectors";

/**
 * The least combined score (see createMatchScorer: quote 50, prefix 20,
 * suffix 20, position 2, over 92) at which a highlight is shown; below it the
 * highlight is an orphan. At 0.8:
 * - the right words with both sides of context intact score ~1;
 * - the right words with one side of context rewritten still pass (~0.86);
 * - the same words with both sides rewritten do not (~0.7): in this article a
 *   slogan recurs six times, and an intact twin elsewhere must not inherit the
 *   note when its own occurrence is cut;
 * - a quote edited by up to MAX_QUOTE_ERROR_RATIO needs most of its context.
 * 0.75 let twins of the slogan with a similar lead-in through; 0.85 orphaned
 * quotes that had only a word inserted and one side of context touched.
 */
export const MIN_ANCHOR_SCORE = 0.8;

/**
 * The most a fuzzy match may differ from the quote, as edits over its length,
 * whatever its context: a rewritten sentence orphans even where its neighbours survived.
 */
export const MAX_QUOTE_ERROR_RATIO = 0.25;

export type AnchorMethod = "position" | "exact" | "fuzzy";

/** Where a highlight sits in a version's canonical text (code points), or why it cannot be shown. */
export type AnchorResult =
  | { status: "anchored"; start: number; end: number; score: number; method: AnchorMethod }
  | { status: "orphan"; quote: string };

export interface AnchorOptions {
  /** The offset map of `canonical.text`, to share across many anchorings (see anchorMany). */
  offsetMap?: OffsetMap;
}

/**
 * Rewrites whitespace the way the canonical text is built: a run holding a
 * blank line becomes the block separator, any other run one space. A quote
 * copied from the page with other spacing then compares equal.
 */
export function canonicalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, (run) => ((run.match(/\n/g)?.length ?? 0) >= 2 ? "\n\n" : " "));
}

/** The old start, pulled into the start block when that block survives unchanged elsewhere. */
function hintFor(canonical: CanonicalText, selectors: StoredSelectors): number | undefined {
  const { start } = selectors.position;
  if (!Number.isFinite(start)) return undefined;
  const block = canonical.spans.find((span) => span.blockId === selectors.startBlockId);
  if (!block) return start;
  return Math.min(Math.max(start, block.start), Math.max(block.start, block.end - 1));
}

/**
 * Finds a highlight in a version's canonical text, trying in order: (1) the
 * stored position, if the quote is still there; (2) exact occurrences of the
 * quote, context choosing between repeats; (3) the closest approximate match.
 * Every candidate must reach MIN_ANCHOR_SCORE, so a highlight is never attached
 * to words it was not made on: it becomes an orphan instead.
 */
export function anchorSelectors(canonical: CanonicalText, selectors: StoredSelectors, options: AnchorOptions = {}): AnchorResult {
  const { text } = canonical;
  const map = options.offsetMap?.text === text ? options.offsetMap : createOffsetMap(text);
  const orphan: AnchorResult = { status: "orphan", quote: selectors.quote.exact };
  const quote = canonicalizeWhitespace(selectors.quote.exact);
  if (quote.length === 0) return orphan;
  const prefix = canonicalizeWhitespace(selectors.quote.prefix);
  const suffix = canonicalizeWhitespace(selectors.quote.suffix);
  const hintCodePoint = hintFor(canonical, selectors);
  const hint = hintCodePoint === undefined ? undefined : map.toUtf16(hintCodePoint);
  const score = createMatchScorer(text, quote, { prefix, suffix, hint });
  const anchored = (match: ScoredMatch, method: AnchorMethod): AnchorResult => {
    const range = widenToCodePoints(text, match.start, match.end);
    return { status: "anchored", start: map.toCodePoint(range.start), end: map.toCodePoint(range.end), score: match.score, method };
  };

  const { start, end } = selectors.position;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= map.length) {
    const atPosition = { start: map.toUtf16(start), end: map.toUtf16(end), errors: 0 };
    if (text.slice(atPosition.start, atPosition.end) === quote) {
      // Checked, not trusted: after an edit, the same short words can land on the old offsets.
      const scored = score(atPosition);
      if (scored.score >= MIN_ANCHOR_SCORE) return anchored(scored, "position");
    }
  }

  const [exact] = findExactMatches(text, quote).map(score).sort(compareMatches(hint));
  if (exact && exact.score >= MIN_ANCHOR_SCORE) return anchored(exact, "exact");

  const fuzzy = matchQuote(text, quote, { prefix, suffix, hint: hintCodePoint, offsetMap: map });
  if (!fuzzy || fuzzy.score < MIN_ANCHOR_SCORE || fuzzy.quoteScore < 1 - MAX_QUOTE_ERROR_RATIO) return orphan;
  return { status: "anchored", start: fuzzy.start, end: fuzzy.end, score: fuzzy.score, method: fuzzy.quoteScore === 1 ? "exact" : "fuzzy" };
}

/** Anchors many highlights in one version, building its offset map once. */
export function anchorMany(canonical: CanonicalText, list: readonly StoredSelectors[]): AnchorResult[] {
  const offsetMap = createOffsetMap(canonical.text);
  return list.map((selectors) => anchorSelectors(canonical, selectors, { offsetMap }));
}
