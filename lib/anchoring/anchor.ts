import type { BlockSpan, CanonicalText } from "../articles/canonical-text";
import { createOffsetMap, widenToCodePoints, type OffsetMap } from "./code-points";
import { rankMatches } from "./match-quote";
import { createMatchScorer, type RawMatch, type ScoredMatch } from "./quote-scoring";
import type { StoredSelectors } from "./selectors";
import { snapToWordBoundaries } from "./word-boundaries";

/**
 * The least combined score (createMatchScorer: quote 50, prefix 20, suffix 20,
 * position 2, over their sum) at which a highlight is shown; below it, it is an
 * orphan. Measured on the shipped article, at 0.8:
 * - the right words with their context intact score ~1;
 * - with one side of context rewritten, a quote of full weight still passes
 *   (0.83-0.86 for the six occurrences of the slogan);
 * - the same words elsewhere, with unrelated context on both sides, do not
 *   (0.66-0.76 for the slogan's twins), so when one occurrence is cut its
 *   note is not inherited by another;
 * - a fuzzy match at MAX_QUOTE_ERROR_RATIO needs nearly all its context (0.86 at best).
 * 0.75 would let the closest twin (0.757) through; 0.85 would orphan most
 * slogan highlights whose following sentence was rewritten.
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

/**
 * What anchoring looks up in one version for every highlight: built once per
 * version when many highlights are anchored (see anchorMany), since scanning
 * the blocks for each of thousands of highlights costs as much as matching.
 */
export interface VersionIndex {
  canonical: CanonicalText;
  offsetMap: OffsetMap;
  spanOf(blockId: string): BlockSpan | undefined;
  /** Whether another block has the same text, so its id alone cannot say which one was meant. */
  isRepeated(blockId: string): boolean;
}

export function createVersionIndex(canonical: CanonicalText): VersionIndex {
  const spans = new Map(canonical.spans.map((span) => [span.blockId, span]));
  const textIdCounts = new Map<string, number>();
  for (const span of canonical.spans) {
    const textId = textIdOf(span.blockId);
    textIdCounts.set(textId, (textIdCounts.get(textId) ?? 0) + 1);
  }
  return {
    canonical,
    offsetMap: createOffsetMap(canonical.text),
    spanOf: (blockId) => spans.get(blockId),
    isRepeated: (blockId) => (textIdCounts.get(textIdOf(blockId)) ?? 0) > 1,
  };
}

export interface AnchorOptions {
  /** The version's index, to share across many anchorings (ignored if made for another version). */
  index?: VersionIndex;
}

/**
 * Rewrites whitespace the way the canonical text is built: a run holding a
 * blank line becomes the block separator, any other run one space. A quote
 * copied from the page with other spacing then compares equal.
 */
export function canonicalizeWhitespace(text: string): string {
  // Most stored quotes are already canonical: single plain spaces only.
  if (!/\s\s|[^\S ]/.test(text)) return text;
  return text.replace(/\s+/g, (run) => ((run.match(/\n/g)?.length ?? 0) >= 2 ? "\n\n" : " "));
}

/**
 * Two places whose scores are closer than this are too alike to choose
 * between (the quote and what is left of its context recur), so the highlight
 * orphans rather than guess. Twins inside the slogan score within 0.001-0.03
 * of each other; an occurrence that kept one side of its context mostly leads
 * them by 0.08 or more.
 */
export const AMBIGUITY_MARGIN = 0.05;

function isRangeIn(map: OffsetMap, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= map.length;
}

/** The old start, pulled into the start block when that block survives unchanged elsewhere. */
function hintFor(index: VersionIndex, selectors: StoredSelectors): number | undefined {
  const { start } = selectors.position;
  if (!Number.isFinite(start)) return undefined;
  const block = index.spanOf(selectors.startBlockId);
  if (!block) return start;
  return Math.min(Math.max(start, block.start), Math.max(block.start, block.end - 1));
}

/**
 * The quote is still at the stored offsets with one side of its context. After
 * an edit, the same short words can land on the old offsets in another
 * sentence; with their context too, only a shift of exactly the distance
 * between two identical passages could fake it.
 */
function isIntactAt(text: string, at: RawMatch, quote: string, context: { prefix: string; suffix: string }): boolean {
  return (
    text.slice(at.start, at.end) === quote && (text.endsWith(context.prefix, at.start) || text.startsWith(context.suffix, at.end))
  );
}

/** The part of a block id derived from its text; repeats of the same text get -2, -3… in order. */
function textIdOf(blockId: string): string {
  return blockId.split("-").slice(0, 2).join("-");
}

/**
 * The quote, found once inside its start block when that block survives:
 * block ids are derived from the block's text, so the same id means the very
 * same paragraph, and a single occurrence there is the passage itself however
 * much the text around the block changed. Not for a block whose text appears
 * more than once: repeats are numbered by order, so an edit that adds a copy
 * earlier renumbers them, and only context can tell which one was meant.
 */
function findInSurvivingBlock(index: VersionIndex, startBlockId: string, quote: string): RawMatch | undefined {
  const span = index.spanOf(startBlockId);
  if (!span || index.isRepeated(startBlockId)) return undefined;
  const { text } = index.canonical;
  const map = index.offsetMap;
  const blockEnd = map.toUtf16(span.end);
  const first = text.indexOf(quote, map.toUtf16(span.start));
  if (first < 0 || first + quote.length > blockEnd) return undefined;
  const second = text.indexOf(quote, first + 1);
  if (second >= 0 && second + quote.length <= blockEnd) return undefined;
  return { start: first, end: first + quote.length, errors: 0 };
}

function overlaps(a: RawMatch, b: RawMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The best candidate, if it is good enough to show: it reaches the minimum
 * score, a fuzzy one is close enough to the quote on its own, and no other
 * place comes within AMBIGUITY_MARGIN of it.
 */
function pickConfidentMatch(ranked: readonly ScoredMatch[], quoteLength: number): ScoredMatch | undefined {
  const [best] = ranked;
  if (!best || best.score < MIN_ANCHOR_SCORE || best.errors > quoteLength * MAX_QUOTE_ERROR_RATIO) return undefined;
  const rival = ranked.find((match) => !overlaps(match, best));
  return rival && best.score - rival.score < AMBIGUITY_MARGIN ? undefined : best;
}

/**
 * Finds a highlight in a version's canonical text, trying in order: (1) the
 * stored position, if the quote and its context are still there; (2) exact
 * occurrences of the quote, context choosing between repeats; (3) approximate
 * matches (see rankMatches, which skips them when an exact one cannot be beaten).
 * A highlight is never attached to words it was not made on: when the best
 * candidate is weak or ambiguous it becomes an orphan instead.
 */
export function anchorSelectors(canonical: CanonicalText, selectors: StoredSelectors, options: AnchorOptions = {}): AnchorResult {
  const index = options.index?.canonical === canonical ? options.index : createVersionIndex(canonical);
  const { text } = canonical;
  const map = index.offsetMap;
  const orphan: AnchorResult = { status: "orphan", quote: selectors.quote.exact };
  const quote = canonicalizeWhitespace(selectors.quote.exact);
  if (quote.length === 0) return orphan;
  const hintCodePoint = hintFor(index, selectors);
  const context = {
    prefix: canonicalizeWhitespace(selectors.quote.prefix),
    suffix: canonicalizeWhitespace(selectors.quote.suffix),
    hint: hintCodePoint === undefined ? undefined : map.toUtf16(hintCodePoint),
  };
  const { start, end } = selectors.position;
  const stored = isRangeIn(map, start, end) ? { start: map.toUtf16(start), end: map.toUtf16(end), errors: 0 } : undefined;
  const anchored = (match: ScoredMatch): AnchorResult => {
    const isStored = match.errors === 0 && match.start === stored?.start && match.end === stored.end;
    const method = isStored ? "position" : match.errors === 0 ? "exact" : "fuzzy";
    const snapped = method === "fuzzy" ? snapToWordBoundaries(text, match, { exact: quote, ...context }) : match;
    const range = widenToCodePoints(text, snapped.start, snapped.end);
    return { status: "anchored", start: map.toCodePoint(range.start), end: map.toCodePoint(range.end), score: match.score, method };
  };

  if (stored && isIntactAt(text, stored, quote, context)) {
    const scored = createMatchScorer(text, quote, context).score(stored);
    if (scored.score >= MIN_ANCHOR_SCORE) return anchored(scored);
  }
  const inBlock = findInSurvivingBlock(index, selectors.startBlockId, quote);
  if (inBlock) return anchored(createMatchScorer(text, quote, context).score(inBlock));
  const best = pickConfidentMatch(rankMatches(text, quote, context, MAX_QUOTE_ERROR_RATIO), quote.length);
  return best ? anchored(best) : orphan;
}

/** Anchors many highlights in one version, indexing it once. */
export function anchorMany(canonical: CanonicalText, list: readonly StoredSelectors[]): AnchorResult[] {
  const index = createVersionIndex(canonical);
  return list.map((selectors) => anchorSelectors(canonical, selectors, { index }));
}
