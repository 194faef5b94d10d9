import { describe, expect, it } from "vitest";
import { assignBlockIds } from "../articles/blocks";
import { buildCanonicalText } from "../articles/canonical-text";
import { anchorSelectors } from "./anchor";
import { describeRange } from "./selectors";

const version = (paragraphs: string[]) => buildCanonicalText(assignBlockIds(paragraphs.map((text) => ({ kind: "paragraph" as const, text }))));

function selectorsFor(paragraphs: string[], quote: string) {
  const canonical = version(paragraphs);
  const start = canonical.text.indexOf(quote);
  return describeRange(canonical, start, start + quote.length, "v1");
}

describe("a quote inside a paragraph that survives unchanged", () => {
  const original = ["Opening words.", "The stable sentence stays exactly as written.", "The fragile sentence will be rewritten."];

  it("stays anchored when everything around the paragraph changed", () => {
    const selectors = selectorsFor(original, "stable sentence stays");
    const edited = version(["A new first paragraph moves everything.", "Opening words, revised.", "The stable sentence stays exactly as written.", "Other words."]);
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("anchored");
    if (result.status === "anchored") expect(Array.from(edited.text).slice(result.start, result.end).join("")).toBe("stable sentence stays");
  });

  it("still orphans when its own paragraph was rewritten", () => {
    const selectors = selectorsFor(original, "fragile sentence will be rewritten");
    const edited = version(["Opening words.", "The stable sentence stays exactly as written.", "Completely different words now stand here."]);
    expect(anchorSelectors(edited, selectors).status).toBe("orphan");
  });
});

describe("a quote inside a paragraph whose text appears more than once", () => {
  it("stays on its own copy when an edit adds another copy earlier (repeats are numbered by order)", () => {
    const original = ["What the critics say", "Alpha argues one thing.", "What the critics say", "Beta argues another."];
    const canonical = version(original);
    const second = canonical.text.indexOf("What the critics say", canonical.text.indexOf("Alpha"));
    const selectors = describeRange(canonical, second, second + "What the critics say".length, "v1");
    expect(selectors.startBlockId).toMatch(/-2$/);

    const edited = version(["What the critics say", "Gamma is new here.", ...original]);
    const result = anchorSelectors(edited, selectors);
    // Where it was: the copy just before "Beta", now the third; the block now numbered -2 is another copy.
    const own = edited.text.indexOf("What the critics say", edited.text.indexOf("Alpha"));
    expect(result).toMatchObject({ status: "anchored", start: own, end: own + "What the critics say".length });
  });
});
