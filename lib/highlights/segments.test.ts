import { describe, expect, it } from "vitest";
import { MAX_IDS_PER_SEGMENT, segmentBlock } from "./segments";

const text = "A 😀 and 中文 text";
const span = { blockId: "p-1", start: 100, end: 100 + Array.from(text).length };
const plain = (value: string) => ({ text: value, highlightIds: [], count: 0, hasOwn: false, isEmphasized: false });

describe("segmentBlock", () => {
  it("returns the whole block when nothing is highlighted", () => {
    expect(segmentBlock(text, span, [])).toEqual([plain(text)]);
  });

  it("splits overlapping highlights into runs that know who covers them, counting code points", () => {
    const segments = segmentBlock(
      text,
      span,
      [
        { id: "a", start: 102, end: 108, isOwn: true },
        { id: "b", start: 106, end: 112, isOwn: false },
      ],
      new Set(["b"]),
    );
    expect(segments).toEqual([
      plain("A "),
      { text: "😀 an", highlightIds: ["a"], count: 1, hasOwn: true, isEmphasized: false },
      { text: "d ", highlightIds: ["a", "b"], count: 2, hasOwn: true, isEmphasized: true },
      { text: "中文 t", highlightIds: ["b"], count: 1, hasOwn: false, isEmphasized: true },
      plain("ext"),
    ]);
  });

  it("cuts text without astral characters at the same places as code points", () => {
    const bmp = "Cyberspace 网络空间 governance";
    const bmpSpan = { blockId: "p-2", start: 0, end: bmp.length };
    expect(segmentBlock(bmp, bmpSpan, [{ id: "a", start: 11, end: 15, isOwn: false }])).toEqual([
      plain("Cyberspace "),
      { text: "网络空间", highlightIds: ["a"], count: 1, hasOwn: false, isEmphasized: false },
      plain(" governance"),
    ]);
  });

  it("clips highlights that run across blocks", () => {
    const segments = segmentBlock(text, span, [{ id: "c", start: 50, end: 103, isOwn: false }]);
    expect(segments[0]).toEqual({ text: "A 😀", highlightIds: ["c"], count: 1, hasOwn: false, isEmphasized: false });
  });

  it("keeps highlights that only touch apart, and the same passage highlighted twice together", () => {
    const segments = segmentBlock(text, span, [
      { id: "a", start: 100, end: 102, isOwn: false },
      { id: "b", start: 102, end: 104, isOwn: false },
      { id: "c", start: 102, end: 104, isOwn: false },
    ]);
    expect(segments.map((segment) => [segment.text, segment.count])).toEqual([
      ["A ", 1],
      ["😀 ", 2],
      ["and 中文 text", 0],
    ]);
  });

  it("counts thousands of highlights but names only a few per run", () => {
    const many = Array.from({ length: 5_000 }, (_, index) => ({ id: `h${index}`, start: 100 + (index % 3), end: 110, isOwn: index === 4_999 }));
    const segments = segmentBlock(text, span, many);
    const densest = segments.reduce((best, segment) => (segment.count > best.count ? segment : best));
    expect(densest.count).toBe(5_000);
    expect(densest.highlightIds).toHaveLength(MAX_IDS_PER_SEGMENT);
    expect(densest.hasOwn).toBe(true);
  });

  it("draws neighbouring runs at the darkest shade as one, keeping their largest count", () => {
    const layered = [
      { id: "a", start: 100, end: 110, isOwn: false },
      { id: "b", start: 100, end: 110, isOwn: false },
      { id: "c", start: 100, end: 106, isOwn: false },
      { id: "d", start: 102, end: 110, isOwn: false },
    ];
    const segments = segmentBlock(text, span, layered);
    expect(segments.map((segment) => [segment.text, segment.count])).toEqual([
      ["A 😀 and 中文", 4],
      [" text", 0],
    ]);
    expect(segments[0]!.highlightIds).toEqual(["a", "b", "c"]);
  });
});

describe("segmentBlock with many highlights (filed by stretch of text)", () => {
  // Deterministic pseudo-random positions across several blocks, some crossing block edges.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const blockLength = 700;
  const blocks = Array.from({ length: 6 }, (_, index) => ({ blockId: `p-${index}`, start: index * (blockLength + 2), end: index * (blockLength + 2) + blockLength }));
  const highlights = Array.from({ length: 400 }, (_, index) => {
    const start = Math.floor(random() * (blocks.at(-1)!.end - 10));
    return { id: `h${index}`, start, end: start + 1 + Math.floor(random() * (index % 50 === 0 ? 2_000 : 120)), isOwn: index % 7 === 0 };
  });
  const covering = (at: number) => highlights.filter((highlight) => highlight.start <= at && at < highlight.end);

  it("gives every run the count of highlights that really cover it", () => {
    for (const span of blocks) {
      const segments = segmentBlock("x".repeat(blockLength), span, highlights);
      expect(segments.map((segment) => segment.text).join("")).toHaveLength(blockLength);
      let offset = span.start;
      for (const segment of segments) {
        const truth = covering(offset);
        if (segment.count < 3) expect(segment.count).toBe(truth.length);
        else expect(truth.length).toBeGreaterThanOrEqual(3);
        expect(segment.hasOwn).toBe(truth.some((highlight) => highlight.isOwn));
        offset += segment.text.length;
      }
    }
  });

  it("finds a highlight that spans whole blocks", () => {
    const wide = [...highlights, { id: "wide", start: 0, end: blocks.at(-1)!.end, isOwn: false }];
    for (const span of blocks) {
      const segments = segmentBlock("x".repeat(blockLength), span, wide);
      expect(segments.every((segment) => segment.count >= 1)).toBe(true);
    }
  });
});
