import { createHash } from "node:crypto";
import type { ArticleBlock } from "./blocks";

/** Blocks are joined with a blank line, so no quote can run two blocks together. */
export const BLOCK_SEPARATOR = "\n\n";

/** Where one block sits in the canonical text, in Unicode code points. */
export interface BlockSpan {
  blockId: string;
  start: number;
  end: number;
}

/**
 * The canonical plain text of an article version: what every annotation
 * anchors to. Offsets are counted in Unicode code points (as the W3C
 * TextPositionSelector is), so an emoji or astral character counts once.
 */
export interface CanonicalText {
  text: string;
  /** Length of `text` in code points. */
  length: number;
  spans: BlockSpan[];
}

/** Counts code points, not UTF-16 units. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is a single astral code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

/**
 * Builds the canonical text from blocks whose text is already normalised (see
 * assignBlockIds). This is the one definition; nothing else concatenates blocks.
 */
export function buildCanonicalText(blocks: readonly ArticleBlock[]): CanonicalText {
  const separatorLength = codePointLength(BLOCK_SEPARATOR);
  const spans: BlockSpan[] = [];
  let offset = 0;
  blocks.forEach((block, index) => {
    if (index > 0) offset += separatorLength;
    const length = codePointLength(block.text);
    spans.push({ blockId: block.id, start: offset, end: offset + length });
    offset += length;
  });
  const text = blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
  return { text, length: offset, spans };
}

/** sha256 over the blocks' ids, kinds and texts: equal hashes mean equal bodies. */
export function hashBlocks(blocks: readonly ArticleBlock[]): string {
  const hash = createHash("sha256");
  for (const block of blocks) hash.update(`${block.id}\u0000${block.kind}\u0000${block.text}\u0001`);
  return hash.digest("hex");
}
