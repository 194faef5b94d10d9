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
