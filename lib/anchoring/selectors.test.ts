import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { assignBlockIds } from "../articles/blocks";
import { buildCanonicalText } from "../articles/canonical-text";
import { parseArticleContent } from "../articles/content-file";
import { createOffsetMap } from "./code-points";
import { describeRange, QUOTE_CONTEXT_LENGTH, validateSelectorsAgainst, type StoredSelectors } from "./selectors";

const source = await readFile(new URL("../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const article = parseArticleContent("china-shared-future-cyberspace", source);
const canonical = buildCanonicalText(article.blocks);

function rangeOf(phrase: string): [number, number] {
  const map = createOffsetMap(canonical.text);
  const index = canonical.text.indexOf(phrase);
  if (index === -1) throw new Error(`"${phrase}" is not in the article`);
  return [map.toCodePoint(index), map.toCodePoint(index + phrase.length)];
}

describe("describeRange", () => {
  it("stores the quote, 32 code points of context each side, the position and the start block", () => {
    const [start, end] = rangeOf("the Digital Silk Road");
    const selectors = describeRange(canonical, start, end, "version-1");
    expect(selectors).toEqual({
      quote: {
        type: "TextQuoteSelector",
        exact: "the Digital Silk Road",
        prefix: "h various means. One example is ",
        suffix: " — the digital component of the ",
      },
      position: { type: "TextPositionSelector", start, end },
      startBlockId: article.blocks.find((block) => block.text.includes("One example is the Digital Silk Road"))?.id,
      versionId: "version-1",
    });
    expect(selectors.quote.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
  });

  it("keeps shorter context at the ends of the text", () => {
    const first = describeRange(canonical, 0, 7, "v");
    expect(first.quote).toMatchObject({ exact: "China's", prefix: "" });
    const last = describeRange(canonical, canonical.length - 12, canonical.length, "v");
    expect(last.quote).toMatchObject({ exact: "cooperation.", suffix: "" });
  });

  it("counts context in code points, so astral characters are never split", () => {
    const small = buildCanonicalText(assignBlockIds([{ kind: "paragraph", text: `${"😀".repeat(40)}中文${"𠮷".repeat(40)}` }]));
    const selectors = describeRange(small, 40, 42, "v");
    expect(selectors.quote.exact).toBe("中文");
    expect(selectors.quote.prefix).toBe("😀".repeat(QUOTE_CONTEXT_LENGTH));
    expect(selectors.quote.suffix).toBe("𠮷".repeat(QUOTE_CONTEXT_LENGTH));
  });

  it("names the following block when a range starts in a block separator", () => {
    const second = canonical.spans[1]!;
    expect(describeRange(canonical, second.start - 1, second.start + 5, "v").startBlockId).toBe(second.blockId);
  });

  it("rejects empty and out-of-bounds ranges", () => {
    expect(() => describeRange(canonical, 10, 10, "v")).toThrow(RangeError);
    expect(() => describeRange(canonical, -1, 5, "v")).toThrow(RangeError);
    expect(() => describeRange(canonical, 0, canonical.length + 1, "v")).toThrow(RangeError);
    expect(() => describeRange(canonical, 0.5, 4, "v")).toThrow(RangeError);
  });
});

describe("validateSelectorsAgainst", () => {
  const [start, end] = rangeOf("digital connectivity is a public good");
  const valid = describeRange(canonical, start, end, "version-1");

  it("accepts what describeRange made on the same text", () => {
    expect(validateSelectorsAgainst(canonical, valid)).toBe(true);
    expect(validateSelectorsAgainst(canonical, describeRange(canonical, 0, canonical.length, "v"))).toBe(true);
  });

  it.each<[string, (selectors: StoredSelectors) => StoredSelectors]>([
    ["a different quote", (s) => ({ ...s, quote: { ...s.quote, exact: "digital connectivity is a private good" } })],
    ["a tampered prefix", (s) => ({ ...s, quote: { ...s.quote, prefix: `x${s.quote.prefix.slice(1)}` } })],
    ["a truncated suffix", (s) => ({ ...s, quote: { ...s.quote, suffix: s.quote.suffix.slice(0, 10) } })],
    ["a shifted position", (s) => ({ ...s, position: { ...s.position, start: s.position.start + 1, end: s.position.end + 1 } })],
    ["a position past the end", (s) => ({ ...s, position: { ...s.position, end: canonical.length + 1 } })],
    ["another block", (s) => ({ ...s, startBlockId: canonical.spans[0]!.blockId })],
  ])("rejects %s", (_, tamper) => {
    expect(validateSelectorsAgainst(canonical, tamper(valid))).toBe(false);
  });

  it("rejects selectors made on another version of the text", () => {
    const edited = buildCanonicalText(assignBlockIds([{ kind: "paragraph", text: "A new first paragraph." }, ...article.blocks]));
    expect(validateSelectorsAgainst(edited, valid)).toBe(false);
  });
});
