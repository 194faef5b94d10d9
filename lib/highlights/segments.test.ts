import { describe, expect, it } from "vitest";
import { segmentBlock } from "./segments";

const span = { blockId: "p-1", start: 100, end: 100 + Array.from("A 😀 and 中文 text").length };

describe("segmentBlock", () => {
  it("returns the whole block when nothing is highlighted", () => {
    expect(segmentBlock("A 😀 and 中文 text", span, [])).toEqual([{ text: "A 😀 and 中文 text", highlightIds: [], hasOwn: false }]);
  });

  it("splits overlapping highlights into runs that know who covers them, counting code points", () => {
    const segments = segmentBlock("A 😀 and 中文 text", span, [
      { id: "a", start: 102, end: 108, isOwn: true },
      { id: "b", start: 106, end: 112, isOwn: false },
    ]);
    expect(segments).toEqual([
      { text: "A ", highlightIds: [], hasOwn: false },
      { text: "😀 an", highlightIds: ["a"], hasOwn: true },
      { text: "d ", highlightIds: ["a", "b"], hasOwn: true },
      { text: "中文 t", highlightIds: ["b"], hasOwn: false },
      { text: "ext", highlightIds: [], hasOwn: false },
    ]);
  });

  it("clips highlights that run across blocks", () => {
    const segments = segmentBlock("A 😀 and 中文 text", span, [{ id: "c", start: 50, end: 103, isOwn: false }]);
    expect(segments[0]).toEqual({ text: "A 😀", highlightIds: ["c"], hasOwn: false });
  });
});
