import type { BlockSpan } from "@/lib/articles/canonical-text";

/** A highlight placed in the current version, in code points of its canonical text. */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
  isOwn: boolean;
}

/** At most this many ids are named per run; the count says how many there are in all. */
export const MAX_IDS_PER_SEGMENT = 8;

/** A run of a block's text covered by the same set of highlights. */
export interface Segment {
  text: string;
  /** Up to MAX_IDS_PER_SEGMENT highlights covering this run, in the order they start; empty for plain text. */
  highlightIds: string[];
  /** How many highlights cover this run: the density the page shades by. */
  count: number;
  hasOwn: boolean;
  /** Whether an emphasised highlight (a permalink's or a shared passage) covers it. */
  isEmphasized: boolean;
}

/**
 * Splits each block's text where highlights start and end, so overlapping
 * highlights become runs that know how many cover them (the page shades
 * darker where more people highlighted). Computed on the server: the page
 * arrives highlighted, with no flash and no DOM surgery.
 *
 * A sweep over start and end events, so it stays fast with tens of
 * thousands of highlights on one article: O(k log k) for the k in a block.
 */
export function segmentBlock(blockText: string, span: BlockSpan, highlights: readonly PlacedHighlight[], emphasisIds: ReadonlySet<string> = new Set()): Segment[] {
  const events: Array<{ at: number; delta: 1 | -1; highlight: PlacedHighlight }> = [];
  for (const highlight of overlapping(highlights, span)) {
    if (highlight.start >= span.end || highlight.end <= span.start) continue;
    const from = Math.max(highlight.start, span.start) - span.start;
    const to = Math.min(highlight.end, span.end) - span.start;
    if (to <= from) continue;
    events.push({ at: from, delta: 1, highlight }, { at: to, delta: -1, highlight });
  }
  if (events.length === 0) return [plain(blockText)];
  const text = codePointText(blockText);
  // Ends before starts at the same point, so touching highlights do not overlap.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta || a.highlight.start - b.highlight.start);

  const segments: Segment[] = [];
  const active = new Map<string, PlacedHighlight>();
  let own = 0;
  let emphasized = 0;
  let position = 0;
  let index = 0;
  while (index < events.length) {
    const at = events[index]!.at;
    if (at > position) segments.push(run(text.slice(position, at), active, own, emphasized));
    position = at;
    for (; index < events.length && events[index]!.at === at; index++) {
      const { delta, highlight } = events[index]!;
      if (delta === 1) active.set(highlight.id, highlight);
      else active.delete(highlight.id);
      if (highlight.isOwn) own += delta;
      if (emphasisIds.has(highlight.id)) emphasized += delta;
    }
  }
  if (position < text.length) segments.push(run(text.slice(position), active, own, emphasized));
  return mergeDenseRuns(segments);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Slicing by code points. Splitting every block into an array of code points
 * was a measurable share of rendering the page; without astral characters
 * (surrogate pairs) code points and string indices coincide, so plain slices do.
 */
function codePointText(text: string): { length: number; slice(from: number, to?: number): string } {
  if (!SURROGATE.test(text)) return { length: text.length, slice: (from, to) => text.slice(from, to) };
  const codePoints = Array.from(text);
  return { length: codePoints.length, slice: (from, to) => codePoints.slice(from, to).join("") };
}

/** Below this many highlights, scanning them all per block is cheaper than indexing them. */
const INDEX_FROM = 64;
/** Width, in code points, of the stretches highlights are filed under. */
const STRETCH = 512;
const stretchIndexes = new WeakMap<readonly PlacedHighlight[], Map<number, PlacedHighlight[]>>();

/**
 * The highlights that may touch a block. The page segments every block
 * against the same list, so with thousands of highlights the list is filed
 * once by stretches of text (a highlight under each stretch it touches) and
 * each block reads only its own stretches, instead of every block scanning
 * every highlight. The index lives as long as the list does.
 */
function overlapping(highlights: readonly PlacedHighlight[], span: BlockSpan): readonly PlacedHighlight[] {
  if (highlights.length < INDEX_FROM) return highlights;
  let index = stretchIndexes.get(highlights);
  if (!index) {
    index = new Map();
    for (const highlight of highlights) {
      if (highlight.end <= highlight.start) continue;
      for (let stretch = Math.floor(highlight.start / STRETCH); stretch <= Math.floor((highlight.end - 1) / STRETCH); stretch++) {
        const filed = index.get(stretch);
        if (filed) filed.push(highlight);
        else index.set(stretch, [highlight]);
      }
    }
    stretchIndexes.set(highlights, index);
  }
  if (span.end <= span.start) return [];
  const found = new Set<PlacedHighlight>();
  for (let stretch = Math.floor(span.start / STRETCH); stretch <= Math.floor((span.end - 1) / STRETCH); stretch++) {
    for (const highlight of index.get(stretch) ?? []) found.add(highlight);
  }
  return [...found];
}

/** From this many highlights on, a run is shaded darkest; neighbouring runs this dense are drawn as one. */
export const DENSE_COUNT = 3;

/**
 * Joins neighbouring runs that are all at the darkest shade (and agree on
 * "yours" and emphasis): with thousands of overlapping highlights every
 * word boundary is a cut, and a link per cut would make the page megabytes
 * of markup that looks exactly the same. The joined run keeps the largest
 * count and the first run's threads.
 */
function mergeDenseRuns(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.count >= DENSE_COUNT && segment.count >= DENSE_COUNT && last.hasOwn === segment.hasOwn && last.isEmphasized === segment.isEmphasized) {
      merged[merged.length - 1] = { ...last, text: last.text + segment.text, count: Math.max(last.count, segment.count) };
    } else merged.push(segment);
  }
  return merged;
}

function plain(text: string): Segment {
  return { text, highlightIds: [], count: 0, hasOwn: false, isEmphasized: false };
}

function run(text: string, active: ReadonlyMap<string, PlacedHighlight>, own: number, emphasized: number): Segment {
  if (active.size === 0) return plain(text);
  const highlightIds: string[] = [];
  for (const id of active.keys()) {
    if (highlightIds.length === MAX_IDS_PER_SEGMENT) break;
    highlightIds.push(id);
  }
  return { text, highlightIds, count: active.size, hasOwn: own > 0, isEmphasized: emphasized > 0 };
}
