import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { assignBlockIds } from "../articles/blocks";
import { buildCanonicalText, type CanonicalText } from "../articles/canonical-text";
import { parseArticleContent } from "../articles/content-file";
import { anchorMany, anchorSelectors, MIN_ANCHOR_SCORE, type AnchorResult } from "./anchor";
import { createOffsetMap } from "./code-points";
import { matchQuote } from "./match-quote";
import { describeRange, type StoredSelectors } from "./selectors";

const source = await readFile(new URL("../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const article = parseArticleContent("china-shared-future-cyberspace", source);
const original = buildCanonicalText(article.blocks);
const SLOGAN = "a community with a shared future in cyberspace";

/** Offsets of the nth occurrence of `phrase`, in code points. */
function rangeOf(canonical: CanonicalText, phrase: string, nth = 0): { start: number; end: number } {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = canonical.text.indexOf(phrase, index + 1);
    if (index === -1) throw new Error(`occurrence ${nth} of "${phrase}" is not in the text`);
  }
  const map = createOffsetMap(canonical.text);
  return { start: map.toCodePoint(index), end: map.toCodePoint(index + phrase.length) };
}

function highlight(phrase: string, nth = 0): StoredSelectors {
  const { start, end } = rangeOf(original, phrase, nth);
  return describeRange(original, start, end, "v1");
}

/** A new version: each [from, to] replaces the first occurrence of `from`, in the blocks as an editor would. */
function editVersion(...edits: Array<[from: string, to: string]>): CanonicalText {
  let blocks = article.blocks.map(({ kind, text }) => ({ kind, text }));
  for (const [from, to] of edits) {
    const index = blocks.findIndex((block) => block.text.includes(from));
    if (index === -1) throw new Error(`"${from}" is not in the article`);
    blocks = blocks.map((block, at) => (at === index ? { ...block, text: block.text.replace(from, () => to) } : block));
  }
  return buildCanonicalText(assignBlockIds(blocks.filter((block) => block.text.trim().length > 0)));
}

function anchoredText(canonical: CanonicalText, result: AnchorResult): string | null {
  return result.status === "anchored" ? createOffsetMap(canonical.text).slice(result.start, result.end) : null;
}

const NEW_LEAD_IN = "Editor's note: this article was updated on 20 November with new figures. ";

describe("anchorSelectors on versions of the article", () => {
  it("finds every highlight by position in the version it was made on", () => {
    const list = [highlight("digital sovereignty and inclusive development"), highlight(SLOGAN, 3), highlight("China's")];
    for (const [index, result] of anchorMany(original, list).entries()) {
      const { start, end } = list[index]!.position;
      expect(result).toEqual({ status: "anchored", start, end, score: 1, method: "position" });
    }
  });

  it("follows a quote shifted by text inserted before it", () => {
    const selectors = highlight("digital connectivity is a public good");
    const edited = editVersion(["This approach further reflects", `${NEW_LEAD_IN}This approach further reflects`]);
    const result = anchorSelectors(edited, selectors);
    expect(result).toMatchObject({ status: "anchored", method: "exact", start: selectors.position.start + NEW_LEAD_IN.length });
    expect(anchoredText(edited, result)).toBe("digital connectivity is a public good");
  });

  it("anchors fuzzily to the same place when words are inserted inside the quote", () => {
    const selectors = highlight("its core principles have been security, openness, cooperation and inclusiveness");
    const edited = editVersion(["been security, openness", "been security, transparency, openness"]);
    const result = anchorSelectors(edited, selectors);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy", start: selectors.position.start });
    expect(anchoredText(edited, result)).toBe("its core principles have been security, transparency, openness, cooperation and inclusiveness");
  });

  it("survives text deleted around the quote", () => {
    const selectors = highlight("reaching close to 6 million households");
    const edited = editVersion(
      ["In Africa alone, Chinese firms and partnerships have", "Chinese firms have"],
      [" and more than 900 million people", ""],
    );
    const result = anchorSelectors(edited, selectors);
    expect(result).toMatchObject({ status: "anchored", method: "exact" });
    expect(anchoredText(edited, result)).toBe("reaching close to 6 million households");
  });

  describe("a phrase repeated six times", () => {
    const highlights = [0, 1, 2, 3, 4, 5].map((nth) => highlight(SLOGAN, nth));

    it("re-anchors each highlight to its own occurrence after edits shift them all", () => {
      const edited = editVersion(
        ["As the 2025 World Internet Conference", `${NEW_LEAD_IN}As the 2025 World Internet Conference`],
        ["Since then, China has put the idea into practice through various means. ", ""],
        ["while digital transformation brings", "while the rapid digital transformation brings"],
      );
      const results = anchorMany(edited, highlights);
      results.forEach((result, nth) => {
        expect(result).toMatchObject({ status: "anchored", method: "exact", ...rangeOf(edited, SLOGAN, nth) });
      });
    });

    it("keeps a highlight on its own occurrence when that one is edited and its twins are intact", () => {
      const edited = editVersion(["to build a community with a shared future", "to build a community with a common future"]);
      const result = anchorSelectors(edited, highlights[2]!);
      expect(result).toMatchObject({ status: "anchored", method: "fuzzy", ...rangeOf(edited, "a community with a common future in cyberspace") });
    });

    it("starts the highlight on a word when a word is inserted at the start of its occurrence", () => {
      // By edit distance "al community…" (one error) beats "a real community…" (five).
      const edited = editVersion(["to build a community with a shared future", "to build a real community with a shared future"]);
      const result = anchorSelectors(edited, highlights[2]!);
      expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
      expect(anchoredText(edited, result)).toBe("real community with a shared future in cyberspace");
    });

    it("orphans a highlight whose occurrence was cut rather than move it to a twin", () => {
      const edited = editVersion(["China's decade-long leadership and advocacy for a community with a shared future in cyberspace may offer", "China's decade-long leadership may offer"]);
      expect(anchorSelectors(edited, highlights[5]!)).toEqual({ status: "orphan", quote: SLOGAN });
    });

    // "in cyberspace" has the same 32 code points before it at every occurrence.
    it("keeps a short quote in the phrase on its occurrence when only the text after it was rewritten", () => {
      const selectors = highlight("in cyberspace", 1);
      const edited = editVersion([" in 2015, its core principles have been", ". Ten years on, it is cited at every summit, and its ideals are"]);
      const { start, end } = selectors.position;
      expect(anchorSelectors(edited, selectors)).toMatchObject({ status: "anchored", method: "position", start, end });
    });

    it("orphans a short quote in the phrase once its occurrence is cut, since every twin fits as well", () => {
      const selectors = highlight("in cyberspace", 1);
      const edited = editVersion([
        "Since President Xi Jinping first unveiled the concept of a community with a shared future in cyberspace in 2015, its",
        "Its",
      ]);
      expect(anchorSelectors(edited, selectors)).toEqual({ status: "orphan", quote: "in cyberspace" });
    });
  });

  it("orphans a passage rewritten beyond recognition even though its context survived", () => {
    const selectors = highlight("its core principles have been security, openness, cooperation and inclusiveness");
    const edited = editVersion([
      "its core principles have been security, openness, cooperation and inclusiveness",
      "it has mostly stood for a peaceful network that every country can share",
    ]);
    expect(anchorSelectors(edited, selectors)).toEqual({ status: "orphan", quote: selectors.quote.exact });
  });

  it("orphans a quote that now only weakly matches an unrelated sentence", () => {
    const selectors = highlight("the Digital Silk Road with 17 countries");
    const edited = editVersion([
      "By the end of 2022, China had signed memorandums of understanding (MoUs) on building the Digital Silk Road with 17 countries, MoUs",
      "By the end of 2022, China had signed MoUs",
    ]);
    const weak = matchQuote(edited.text, selectors.quote.exact, { ...selectors.quote, hint: selectors.position.start });
    expect(weak).not.toBeNull();
    expect(weak!.score).toBeLessThan(MIN_ANCHOR_SCORE);
    expect(anchorSelectors(edited, selectors)).toEqual({ status: "orphan", quote: selectors.quote.exact });
  });

  it("gives the same results one by one and in a batch", () => {
    const edited = editVersion(["As the 2025", `${NEW_LEAD_IN}As the 2025`], ["been security, openness", "been security, transparency, openness"]);
    const list = [highlight(SLOGAN, 4), highlight("its core principles have been security"), highlight("Gwadar")];
    expect(anchorMany(edited, list)).toEqual(list.map((selectors) => anchorSelectors(edited, selectors)));
  });
});
