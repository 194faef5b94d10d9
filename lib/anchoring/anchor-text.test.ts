import { describe, expect, it } from "vitest";
import { assignBlockIds } from "../articles/blocks";
import { buildCanonicalText, type CanonicalText } from "../articles/canonical-text";
import { anchorSelectors, canonicalizeWhitespace, type AnchorResult } from "./anchor";
import { createOffsetMap } from "./code-points";
import { describeRange, type StoredSelectors } from "./selectors";

function version(...paragraphs: string[]): CanonicalText {
  return buildCanonicalText(assignBlockIds(paragraphs.map((text) => ({ kind: "paragraph" as const, text }))));
}

/** Code-point range of the nth occurrence of `phrase`. */
function rangeOf(canonical: CanonicalText, phrase: string, nth = 0): { start: number; end: number } {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) index = canonical.text.indexOf(phrase, index + 1);
  if (index === -1) throw new Error(`"${phrase}" is not in the text`);
  const map = createOffsetMap(canonical.text);
  return { start: map.toCodePoint(index), end: map.toCodePoint(index + phrase.length) };
}

function highlight(canonical: CanonicalText, phrase: string, nth = 0): StoredSelectors {
  const { start, end } = rangeOf(canonical, phrase, nth);
  return describeRange(canonical, start, end, "v1");
}

function anchoredText(canonical: CanonicalText, result: AnchorResult): string | null {
  return result.status === "anchored" ? createOffsetMap(canonical.text).slice(result.start, result.end) : null;
}

describe("anchoring Chinese text", () => {
  const v1 = version(
    "构建网络空间命运共同体是中国提出的理念。",
    "各国应当共同努力，构建网络空间命运共同体，实现互联互通。",
    "网络空间命运共同体的核心是安全与合作。",
  );
  const selectors = highlight(v1, "网络空间命运共同体", 1);

  it("follows its own occurrence of a repeated phrase when a paragraph is added before it", () => {
    const v2 = version("二〇二五年世界互联网大会在乌镇举行。", ...v1.text.split("\n\n"));
    expect(anchorSelectors(v2, selectors)).toMatchObject({ status: "anchored", method: "exact", ...rangeOf(v2, "网络空间命运共同体", 1) });
  });

  it("anchors fuzzily when a character is inserted inside the quote", () => {
    const v2 = version(v1.text.split("\n\n")[0]!, "各国应当共同努力，构建网络空间的命运共同体，实现互联互通。", v1.text.split("\n\n")[2]!);
    const result = anchorSelectors(v2, selectors);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    expect(anchoredText(v2, result)).toBe("网络空间的命运共同体");
  });
});

describe("anchoring emoji and astral characters", () => {
  const v1 = version("Party time 🎉🎊 begins at 𠮷野家 tonight 😀.", "We met at 𠮷野家 🍜 for dinner and 🎂 cake.");
  const selectors = highlight(v1, "𠮷野家 🍜 for dinner");

  it("counts offsets in code points", () => {
    // "Party time 🎉🎊 begins at 𠮷野家 tonight 😀." is 38 code points (44 UTF-16 units).
    expect(selectors.position).toEqual({ type: "TextPositionSelector", start: 50, end: 66 });
    expect(anchorSelectors(v1, selectors)).toMatchObject({ status: "anchored", method: "position", start: 50, end: 66 });
  });

  it("shifts by the code points of inserted emoji", () => {
    const v2 = version("🇨🇳🇨🇳 Party time 🎉🎊 begins at 𠮷野家 tonight 😀.", "We met at 𠮷野家 🍜 for dinner and 🎂 cake.");
    const result = anchorSelectors(v2, selectors);
    // Two flags are four regional-indicator code points, plus a space.
    expect(result).toMatchObject({ status: "anchored", method: "exact", start: 55, end: 71 });
    expect(anchoredText(v2, result)).toBe("𠮷野家 🍜 for dinner");
  });

  it("covers a replaced emoji whole in a fuzzy match", () => {
    const v2 = version("Party time 🎉🎊 begins at 𠮷野家 tonight 😀.", "We met at 𠮷野家 🍣 for dinner and 🎂 cake.");
    const result = anchorSelectors(v2, selectors);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    expect(anchoredText(v2, result)).toBe("𠮷野家 🍣 for dinner");
  });
});

describe("anchoring quotes stored with other whitespace", () => {
  const v1 = version("They spoke of a shared future in cyberspace and of trade.", "Later they spoke of security.");

  it("canonicalizes whitespace as the canonical text does", () => {
    expect(canonicalizeWhitespace("a  shared\u00a0future\n in\tcyberspace")).toBe("a shared future in cyberspace");
    expect(canonicalizeWhitespace("trade. \r\n \r\nLater")).toBe("trade.\n\nLater");
    expect(canonicalizeWhitespace("already canonical")).toBe("already canonical");
  });

  it("anchors a quote whose spaces were doubled or broken across lines", () => {
    const stored = highlight(v1, "a shared future in cyberspace");
    const spaced = { ...stored, quote: { ...stored.quote, exact: "a  shared\u00a0future\n in   cyberspace", prefix: "They  spoke of " } };
    const result = anchorSelectors(v1, spaced);
    expect(result).toMatchObject({ status: "anchored", start: stored.position.start, end: stored.position.end });
    expect(anchoredText(v1, result)).toBe("a shared future in cyberspace");
  });

  it("anchors a quote across blocks copied with a single line break", () => {
    const stored = highlight(v1, "of trade.\n\nLater they");
    const copied = { ...stored, quote: { ...stored.quote, exact: "of trade. \n  \n Later they" } };
    const v2 = version("Preface.", ...v1.text.split("\n\n"));
    expect(anchoredText(v2, anchorSelectors(v2, copied))).toBe("of trade.\n\nLater they");
  });
});

describe("the stored position", () => {
  it("is not trusted when other words now sit on the same offsets", () => {
    const selectors = highlight(version("I saw a dog today."), "dog");
    const v2 = version("Our hot dog was cold.");
    expect(rangeOf(v2, "dog")).toEqual({ start: selectors.position.start, end: selectors.position.end });
    expect(anchorSelectors(v2, selectors)).toEqual({ status: "orphan", quote: "dog" });
  });
});

describe("ambiguous candidates", () => {
  // The 32 code points before the quote are the same in both items.
  const v1 = version(
    "Item one: the delegates have all agreed to protect the open and secure internet for all nations.",
    "Item two: the delegates have all agreed to protect the open and secure internet, said the chair.",
  );
  const QUOTE = "protect the open and secure internet";
  const selectors = highlight(v1, QUOTE, 0);

  it("are told apart by the context that survived", () => {
    const v2 = version("Preface.", ...v1.text.split("\n\n"));
    expect(anchorSelectors(v2, selectors)).toMatchObject({ status: "anchored", method: "exact", ...rangeOf(v2, QUOTE, 0) });
  });

  it("orphan the highlight when the context that told them apart is gone", () => {
    const v2 = version(
      "Preface.",
      "Item one: the delegates have all agreed to protect the open and secure internet, they noted after a long debate on standards.",
      "Item two: the delegates have all agreed to protect the open and secure internet, said the chair.",
    );
    expect(anchorSelectors(v2, selectors)).toEqual({ status: "orphan", quote: QUOTE });
  });
});
