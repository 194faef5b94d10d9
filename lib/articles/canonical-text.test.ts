import { describe, expect, it } from "vitest";
import { assignBlockIds, normalizeWhitespace, parseBodyBlocks } from "./blocks";
import { BLOCK_SEPARATOR, buildCanonicalText, codePointLength, hashBlocks } from "./canonical-text";

describe("normalizeWhitespace", () => {
  it("collapses runs of spaces, tabs, line breaks and no-break spaces", () => {
    expect(normalizeWhitespace("  a \t b\n\nc\u00a0\u00a0d  ")).toBe("a b c d");
  });

  it("leaves Chinese text, emoji and astral code points intact", () => {
    const text = "来源:中国网一点号 👩‍💻 𠮷野家 🇨🇳";
    expect(normalizeWhitespace(text)).toBe(text);
  });
});

describe("buildCanonicalText", () => {
  const blocks = assignBlockIds([
    { kind: "heading", text: "Title  one" },
    { kind: "paragraph", text: "𠮷 and 😀 count once" },
    { kind: "paragraph", text: "中文段落" },
  ]);
  const canonical = buildCanonicalText(blocks);

  it("joins normalised blocks with a blank line", () => {
    expect(canonical.text).toBe(["Title one", "𠮷 and 😀 count once", "中文段落"].join(BLOCK_SEPARATOR));
  });

  it("counts offsets in code points, so astral characters count once", () => {
    expect(canonical.spans.map(({ start, end }) => [start, end])).toEqual([
      [0, 9],
      [11, 29],
      [31, 35],
    ]);
    expect(canonical.length).toBe(codePointLength(canonical.text));
    const codePoints = Array.from(canonical.text);
    const second = canonical.spans[1]!;
    expect(codePoints.slice(second.start, second.end).join("")).toBe("𠮷 and 😀 count once");
  });

  it("is empty for no blocks", () => {
    expect(buildCanonicalText([])).toEqual({ text: "", length: 0, spans: [] });
  });
});

describe("assignBlockIds", () => {
  it("gives the same text the same id across versions and repeats a suffix", () => {
    const first = assignBlockIds([
      { kind: "paragraph", text: "Same" },
      { kind: "paragraph", text: "Same" },
    ]);
    const second = assignBlockIds([
      { kind: "heading", text: "New" },
      { kind: "paragraph", text: "Same" },
    ]);
    expect(first[0]!.id).toMatch(/^p-[0-9a-f]{8}$/);
    expect(first[1]!.id).toBe(`${first[0]!.id}-2`);
    expect(second[1]!.id).toBe(first[0]!.id);
  });
});

describe("hashBlocks", () => {
  it("changes when any text changes and not otherwise", () => {
    const a = assignBlockIds([{ kind: "paragraph", text: "One" }]);
    const b = assignBlockIds([{ kind: "paragraph", text: "One" }]);
    const c = assignBlockIds([{ kind: "paragraph", text: "One." }]);
    expect(hashBlocks(a)).toBe(hashBlocks(b));
    expect(hashBlocks(a)).not.toBe(hashBlocks(c));
  });
});

describe("parseBodyBlocks", () => {
  it("reads headings and paragraphs separated by blank lines", () => {
    expect(parseBodyBlocks("Intro line\nwraps\n\n## Heading\n\r\n\r\nLast")).toEqual([
      { kind: "paragraph", text: "Intro line\nwraps" },
      { kind: "heading", text: "Heading" },
      { kind: "paragraph", text: "Last" },
    ]);
  });
});
