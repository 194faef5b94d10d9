import type { BlockSpan } from "@/lib/articles/canonical-text";
import { assignPassageIds } from "./passage-ids";
import { segmentBlock, type PlacedHighlight, type Segment } from "./segments";

export interface SegmentedArticle {
  /** Per block, its runs. */
  segments: Segment[][];
  /** Per block and run, the passage id the run carries (see assignPassageIds). */
  passageIds: (string | undefined)[][];
}

/** Recent results; a page of one version is asked for again and again with the same highlights. */
const MEMO_ENTRIES = 16;
const memo = new Map<string, SegmentedArticle>();

/**
 * Every block of a version cut into runs by its highlights, with the passage
 * ids. A pure function of the version and the highlights, so the last few
 * results are kept: busy pages are segmented once per change instead of once
 * per request. Derived data only, per instance; a miss just computes.
 */
export function segmentArticle(
  versionId: string,
  blocks: readonly { text: string }[],
  spans: readonly BlockSpan[],
  highlights: readonly PlacedHighlight[],
  emphasisIds: ReadonlySet<string>,
): SegmentedArticle {
  const key = `${versionId}|${[...emphasisIds].join(",")}|${highlights.map((h) => `${h.id},${h.start},${h.end},${h.isOwn ? 1 : 0}`).join(";")}`;
  const known = memo.get(key);
  if (known) {
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const segments = blocks.map((block, index) => segmentBlock(block.text, spans[index]!, highlights, emphasisIds));
  const result = { segments, passageIds: assignPassageIds(segments) };
  memo.set(key, result);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  return result;
}
