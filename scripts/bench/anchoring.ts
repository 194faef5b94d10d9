/**
 * Re-anchoring stored highlights against an edited version, timed and
 * checked against where each passage truly went (see edits.ts). The baseline
 * is what a tool without context scoring does: a plain approx-string-match
 * scan for the quote, taking the closest match wherever it is.
 */
import { performance } from "node:perf_hooks";
import search from "approx-string-match";
import { anchorMany, type AnchorResult } from "../../lib/anchoring/anchor.ts";
import { createOffsetMap } from "../../lib/anchoring/code-points.ts";
import { describeRange, type StoredSelectors } from "../../lib/anchoring/selectors.ts";
import type { ArticleBlock } from "../../lib/articles/blocks.ts";
import { buildCanonicalText } from "../../lib/articles/canonical-text.ts";
import { editArticle, seededRandom, type EditedArticle } from "./edits.ts";
import { percentile, type BenchRow } from "./report.ts";

type Placement = { start: number; end: number } | null;

/** Highlights as readers make them: whole words, from a few words to a couple of sentences. */
function makeHighlights(blocks: readonly ArticleBlock[], count: number, seed: number): StoredSelectors[] {
  const canonical = buildCanonicalText([...blocks]);
  const chars = Array.from(canonical.text);
  const random = seededRandom(seed);
  const list: StoredSelectors[] = [];
  while (list.length < count) {
    const span = canonical.spans[Math.floor(random() * canonical.spans.length)]!;
    if (span.end - span.start < 20) continue;
    let start = span.start + Math.floor(random() * (span.end - span.start - 10));
    while (start > span.start && chars[start - 1] !== " ") start--;
    let end = Math.min(span.end, start + 8 + Math.floor(random() * 140));
    while (end < span.end && chars[end] !== " ") end++;
    if (end - start < 4) continue;
    list.push(describeRange(canonical, start, end, "v1"));
  }
  return list;
}

type Verdict = "correct" | "orphaned" | "wrong";

/** Judges a placement against the truth: intact passages must land exactly; cut ones must be orphans. */
function judge(selectors: StoredSelectors, placement: Placement, edited: EditedArticle): Verdict {
  const { start, end } = selectors.position;
  const moved: Array<number | null> = [];
  for (let index = start; index < end; index++) moved.push(edited.now[index] ?? null);
  const survivors = moved.filter((position): position is number => position !== null);
  const intact = survivors.length === moved.length && survivors.every((position, index) => index === 0 || position === survivors[index - 1]! + 1);
  if (!placement) return survivors.length === 0 ? "correct" : "orphaned";
  if (intact) return placement.start === survivors[0] && placement.end === survivors.at(-1)! + 1 ? "correct" : "wrong";
  if (survivors.length === 0) return "wrong";
  // Damaged: attaching where most of the surviving words are is right; anywhere else is wrong.
  const lo = Math.min(...survivors);
  const hi = Math.max(...survivors) + 1;
  const overlap = Math.max(0, Math.min(hi, placement.end) - Math.max(lo, placement.start));
  return overlap >= 0.5 * (placement.end - placement.start) ? "correct" : "wrong";
}

function baselinePlacements(text: string, list: readonly StoredSelectors[]): Placement[] {
  const offsets = createOffsetMap(text);
  return list.map((selectors) => {
    const quote = selectors.quote.exact;
    const matches = search(text, quote, Math.floor(quote.length * 0.25));
    if (matches.length === 0) return null;
    const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
    return { start: offsets.toCodePoint(best.start), end: offsets.toCodePoint(best.end) };
  });
}

function tally(list: readonly StoredSelectors[], placements: readonly Placement[], edited: EditedArticle) {
  const counts: Record<Verdict, number> = { correct: 0, orphaned: 0, wrong: 0 };
  list.forEach((selectors, index) => counts[judge(selectors, placements[index]!, edited)]++);
  return counts;
}

/** Runs `work` and returns its result with how long it took, in milliseconds. */
function timed<T>(work: () => T): { result: T; ms: number } {
  const began = performance.now();
  const result = work();
  return { result, ms: performance.now() - began };
}

/** Timed runs of each side per size, alternated so that a busy moment of the machine falls on both. */
const RUNS: Record<number, number> = { 1_000: 7, 10_000: 3 };

export function benchAnchoring(blocks: readonly ArticleBlock[]): BenchRow[] {
  const edited = editArticle(blocks);
  const rows: BenchRow[] = [];
  // Warm both sides on other highlights, every path included (fuzzy and orphan
  // ones too), so that no timed run pays for the JIT compiling them: a server
  // re-anchors with code it has run before.
  const warmUp = makeHighlights(blocks, 1_000, 1);
  anchorMany(edited.canonical, warmUp);
  baselinePlacements(edited.canonical.text, warmUp);
  for (const count of [1_000, 10_000]) {
    const list = makeHighlights(blocks, count, count);
    const ourTimes: number[] = [];
    const baselineTimes: number[] = [];
    let results: AnchorResult[] = [];
    let plain: Placement[] = [];
    for (let run = 0; run < RUNS[count]!; run++) {
      const ours = timed(() => anchorMany(edited.canonical, list));
      const theirs = timed(() => baselinePlacements(edited.canonical.text, list));
      results = ours.result;
      plain = theirs.result;
      ourTimes.push(ours.ms);
      baselineTimes.push(theirs.ms);
    }
    const ours = percentile(ourTimes, 50);
    const baseline = percentile(baselineTimes, 50);

    const placements = results.map((result) => (result.status === "anchored" ? { start: result.start, end: result.end } : null));
    const mine = tally(list, placements, edited);
    const theirs = tally(list, plain, edited);
    const label = `${count.toLocaleString("en")} highlights`;
    rows.push({
      section: "Anchoring",
      measure: `re-anchor ${label} (median of ${RUNS[count]}; ${Math.round(Math.min(...ourTimes))}–${Math.round(Math.max(...ourTimes))} ms)`,
      value: ours,
      unit: "ms",
      baseline: { label: "plain approx-string-match", value: baseline },
      better: "lower",
      target: count === 1_000 ? { text: "< 100 ms", met: ours < 100 } : undefined,
    });
    rows.push({
      section: "Anchoring",
      measure: `${label}: correct / orphaned / wrong`,
      value: mine.wrong,
      unit: "wrong",
      baseline: { label: `plain scan: ${theirs.correct} / ${theirs.orphaned} / ${theirs.wrong}`, value: theirs.wrong },
      better: "lower",
      target: { text: "0 wrong", met: mine.wrong === 0 },
      note: `${mine.correct} / ${mine.orphaned} / ${mine.wrong}`,
    });
  }
  return rows;
}
