import type { BlockSpan } from "@/lib/articles/canonical-text";

/** A highlight placed in the current version, in code points of its canonical text. */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
  isOwn: boolean;
}

/** A run of a block's text covered by the same set of highlights. */
export interface Segment {
  text: string;
  /** Highlights covering this run, in article order; empty for plain text. */
  highlightIds: string[];
  hasOwn: boolean;
}

/**
 * Splits each block's text where highlights start and end, so overlapping
 * highlights become runs that know how many cover them (the page shades
 * darker where more people highlighted). Computed on the server: the page
 * arrives highlighted, with no flash and no DOM surgery.
 */
export function segmentBlock(blockText: string, span: BlockSpan, highlights: readonly PlacedHighlight[]): Segment[] {
  const codePoints = Array.from(blockText);
  const inBlock = highlights
    .filter((highlight) => highlight.start < span.end && highlight.end > span.start)
    .map((highlight) => ({ ...highlight, from: Math.max(highlight.start, span.start) - span.start, to: Math.min(highlight.end, span.end) - span.start }));
  if (inBlock.length === 0) return [{ text: blockText, highlightIds: [], hasOwn: false }];

  const cuts = new Set<number>([0, codePoints.length]);
  for (const highlight of inBlock) {
    cuts.add(highlight.from);
    cuts.add(highlight.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    if (to <= from) continue;
    const covering = inBlock.filter((highlight) => highlight.from <= from && highlight.to >= to);
    segments.push({
      text: codePoints.slice(from, to).join(""),
      highlightIds: covering.map((highlight) => highlight.id),
      hasOwn: covering.some((highlight) => highlight.isOwn),
    });
  }
  return segments;
}
