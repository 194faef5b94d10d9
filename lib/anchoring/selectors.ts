import type { BlockSpan, CanonicalText } from "../articles/canonical-text";
import { createOffsetMap } from "./code-points";

/**
 * W3C Web Annotation TextQuoteSelector: the highlighted words and the text
 * around them. The context is what lets a repeated phrase re-anchor to its own
 * occurrence after the article is edited.
 */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  /** The highlighted text, exactly as it was in the canonical text. */
  exact: string;
  /** Up to QUOTE_CONTEXT_LENGTH code points just before `exact` (shorter at the start of the text). */
  prefix: string;
  /** Up to QUOTE_CONTEXT_LENGTH code points just after `exact` (shorter at the end of the text). */
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector over the canonical text of the
 * version named in StoredSelectors. Offsets are Unicode code points, `end` exclusive.
 */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/**
 * Everything stored to find a highlight again: tried in order position, exact
 * quote, fuzzy quote (see anchorSelectors).
 */
export interface StoredSelectors {
  quote: TextQuoteSelector;
  /** Only meaningful in the version `versionId`; later versions use it as a hint. */
  position: TextPositionSelector;
  /** The block the range starts in (block ids survive versions where the block is unchanged). */
  startBlockId: string;
  /** The article version the selectors were made on. */
  versionId: string;
}

/**
 * Code points of context kept on each side. Enough to tell the repeats of a
 * slogan apart, short enough that an edit a sentence away leaves it intact.
 */
export const QUOTE_CONTEXT_LENGTH = 32;

/** The span containing `offset`; an offset in a block separator belongs to the next block. */
function findStartBlock(spans: readonly BlockSpan[], offset: number): BlockSpan | undefined {
  return spans.find((span) => offset < span.end);
}

function isValidRange(canonical: CanonicalText, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= canonical.length;
}

/**
 * Describes the code-point range [start, end) of a version's canonical text.
 * Throws a RangeError for an empty or out-of-bounds range: callers validate input first.
 */
export function describeRange(canonical: CanonicalText, start: number, end: number, versionId: string): StoredSelectors {
  if (!isValidRange(canonical, start, end)) {
    throw new RangeError(`Invalid range [${start}, ${end}) for a text of ${canonical.length} code points`);
  }
  const block = findStartBlock(canonical.spans, start);
  if (!block) throw new RangeError(`No block contains offset ${start}`);
  const map = createOffsetMap(canonical.text);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: map.slice(start, end),
      prefix: map.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: map.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start, end },
    startBlockId: block.blockId,
    versionId,
  };
}

/**
 * True only when the selectors are exactly what describeRange makes for their
 * position in this canonical text: the quote, its context and the start block
 * all match. The server uses it to reject selectors that do not belong to the
 * version they name (the caller checks that `versionId` is that version).
 */
export function validateSelectorsAgainst(canonical: CanonicalText, selectors: StoredSelectors): boolean {
  const { quote, position } = selectors;
  if (quote.type !== "TextQuoteSelector" || position.type !== "TextPositionSelector") return false;
  if (!isValidRange(canonical, position.start, position.end)) return false;
  const expected = describeRange(canonical, position.start, position.end, selectors.versionId);
  return (
    quote.exact === expected.quote.exact &&
    quote.prefix === expected.quote.prefix &&
    quote.suffix === expected.quote.suffix &&
    selectors.startBlockId === expected.startBlockId
  );
}
