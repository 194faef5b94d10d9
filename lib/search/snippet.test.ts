import { describe, expect, it } from "vitest";
import { cjkRuns, excerptAround, MATCH_END, MATCH_START, parseHeadline } from "./snippet";

describe("search snippets", () => {
  it("splits ts_headline output at its markers, keeping markup as plain text", () => {
    expect(parseHeadline(`a <b>${MATCH_START}regulating${MATCH_END}</b> x ${MATCH_START}rule${MATCH_END}`)).toEqual([
      { text: "a <b>", isMatch: false },
      { text: "regulating", isMatch: true },
      { text: "</b> x ", isMatch: false },
      { text: "rule", isMatch: true },
    ]);
    expect(parseHeadline(`${MATCH_START}open`)).toEqual([{ text: "open", isMatch: true }]);
  });

  it("finds CJK runs in a query", () => {
    expect(cjkRuns("cyber 网络空间 and 共同体 网络空间")).toEqual(["网络空间", "共同体"]);
    expect(cjkRuns("plain english")).toEqual([]);
  });

  it("marks every occurrence around the first match", () => {
    const segments = excerptAround("构建网络空间命运共同体，网络空间需要治理", ["网络空间"], 10);
    expect(segments.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual(["网络空间", "网络空间"]);
    expect(segments[0]).toEqual({ text: "构建", isMatch: false });
  });
});
