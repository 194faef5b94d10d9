import { describe, expect, it } from "vitest";
import { assignPassageIds, threadIdsOf } from "./passage-ids";
import type { Segment } from "./segments";

const run = (highlightIds: string[]): Segment => ({ text: "x", highlightIds, count: highlightIds.length, hasOwn: false, isEmphasized: false });

describe("assignPassageIds", () => {
  it("gives each thread's id to the first run that links to it, across blocks", () => {
    const blocks = [[run([]), run(["a"]), run(["a", "b"])], [run(["b"]), run(["c"]), run(["a"])]];
    expect(assignPassageIds(blocks)).toEqual([
      [undefined, "passage-a", undefined],
      ["passage-b", "passage-c", undefined],
    ]);
  });

  it("never names a shared passage, which has no thread", () => {
    expect(assignPassageIds([[run(["shared:passage"]), run(["shared:passage", "d"])]])).toEqual([[undefined, "passage-d"]]);
    expect(threadIdsOf(run(["shared:passage", "d"]))).toEqual(["d"]);
  });
});
