import { describe, expect, it } from "vitest";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { assignPassageIds } from "./passage-ids";
import { segmentArticle } from "./segment-article";
import { segmentBlock, type PlacedHighlight } from "./segments";

const blocks = [
  { id: "b1", kind: "paragraph" as const, text: "The first paragraph of the article." },
  { id: "b2", kind: "paragraph" as const, text: "A second one, with more words in it." },
];
const { spans } = buildCanonicalText(blocks);
const highlights: PlacedHighlight[] = [
  { id: "h1", start: 4, end: 9, isOwn: false },
  { id: "h2", start: 30, end: 45, isOwn: true },
];

describe("segmentArticle", () => {
  it("cuts every block as segmentBlock does, with the passage ids", () => {
    const expected = blocks.map((block, index) => segmentBlock(block.text, spans[index]!, highlights, new Set()));
    expect(segmentArticle("v1", blocks, spans, highlights, new Set())).toEqual({ segments: expected, passageIds: assignPassageIds(expected) });
  });

  it("answers the same question from memory, and a different one afresh", () => {
    const first = segmentArticle("v2", blocks, spans, highlights, new Set());
    expect(segmentArticle("v2", blocks, spans, [...highlights], new Set())).toBe(first);
    const theirs = segmentArticle("v2", blocks, spans, highlights.map((h) => ({ ...h, isOwn: false })), new Set());
    expect(theirs).not.toBe(first);
    expect(theirs.segments.flat().some((segment) => segment.hasOwn)).toBe(false);
    const emphasised = segmentArticle("v2", blocks, spans, highlights, new Set(["h1"]));
    expect(emphasised.segments.flat().some((segment) => segment.isEmphasized)).toBe(true);
    expect(segmentArticle("v3", blocks, spans, highlights, new Set())).not.toBe(first);
  });
});
