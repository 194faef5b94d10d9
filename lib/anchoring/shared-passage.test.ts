import { describe, expect, it } from "vitest";
import { assignBlockIds } from "../articles/blocks";
import { locateSharedPassage } from "./shared-passage";

const blocks = (paragraphs: string[]) => assignBlockIds(paragraphs.map((text) => ({ kind: "paragraph" as const, text })));
const passage = { quote: "the quoted sentence reads quite plainly here", prefix: "Before it, ", suffix: ". After it" };

describe("locateSharedPassage", () => {
  it("finds the shared passage where it is", () => {
    const text = `Before it, ${passage.quote}. After it comes more.`;
    expect(locateSharedPassage(blocks([text]), passage)).toEqual({ start: 11, end: 11 + passage.quote.length });
  });

  it("says not-found when only the surroundings survived and the words were rewritten", () => {
    expect(locateSharedPassage(blocks(["Before it, our quoted line now reads quite oddly there. After it comes more."]), passage)).toBe("not-found");
  });
});
