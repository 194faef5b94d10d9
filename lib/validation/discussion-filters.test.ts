import { describe, expect, it } from "vitest";
import { filtersToParams, parseDiscussionFilters } from "./discussion-filters";

describe("discussion filters from the URL", () => {
  it("reads valid filters and ignores malformed ones", () => {
    expect(parseDiscussionFilters({ author: "@Alice", tag: "#Policy", stance: "DISPUTES", whose: "mine", visibility: "private" })).toEqual({
      author: "alice",
      tag: "policy",
      stance: "DISPUTES",
      mine: true,
      visibility: "PRIVATE",
    });
    expect(parseDiscussionFilters({ author: "a b'--", tag: "<x>", stance: "LOVES", whose: "theirs", visibility: ["public", "private"] })).toEqual({});
  });

  it("round-trips through URL parameters", () => {
    const filters = parseDiscussionFilters({ author: "bob", whose: "mine", visibility: "public" });
    expect(parseDiscussionFilters(filtersToParams(filters))).toEqual(filters);
  });
});
