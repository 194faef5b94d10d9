import { describe, expect, it } from "vitest";
import { exportContextFixture as context, openAnnotation } from "./fixtures.test-data";
import { parseAccount } from "./parse-hypothesis";
import { ImportFormatError, parseImport } from "./parse-import";
import { normalizeTags, planImport } from "./plan-import";
import { toAnnotationCollection } from "./web-annotation";

const hypothesisRow = {
  id: "h1",
  created: "2025-05-01T10:00:00.000000+00:00",
  user: "acct:alice@hypothes.is",
  user_info: { display_name: "Alice" },
  text: "Interesting claim",
  tags: ["Climate policy", "bad tag!"],
  references: [],
  permissions: { read: ["group:__world__"] },
  target: [
    {
      source: "https://example.com/article",
      selector: [
        { type: "RangeSelector", startContainer: "/div[1]/p[2]", startOffset: 0, endContainer: "/div[1]/p[2]", endOffset: 10 },
        { type: "TextPositionSelector", start: 120, end: 135 },
        { type: "TextQuoteSelector", exact: "carbon tax", prefix: "a ", suffix: " would" },
      ],
    },
  ],
};

describe("parseImport: Hypothesis", () => {
  it("reads selectors, text, tags, user and date, ignoring range selectors", () => {
    const parsed = parseImport(JSON.stringify({ total: 1, rows: [hypothesisRow] }));
    expect(parsed.format).toBe("hypothesis");
    expect(parsed.rows[0]).toMatchObject({
      externalId: "h1",
      user: { name: "alice", domain: "hypothes.is", displayName: "Alice" },
      text: "Interesting claim",
      parentExternalId: null,
      quote: { exact: "carbon tax", prefix: "a ", suffix: " would" },
      position: { start: 120, end: 135 },
    });
    expect(parsed.rows[0]!.created?.toISOString()).toBe("2025-05-01T10:00:00.000Z");
  });

  it("takes the last reference as the parent, and skips private, hidden and malformed rows", () => {
    const reply = { ...hypothesisRow, id: "h2", references: ["h0", "h1"], target: [{ source: "https://example.com/article" }] };
    const parsed = parseImport(
      JSON.stringify([
        hypothesisRow,
        reply,
        { ...hypothesisRow, id: "h3", permissions: { read: ["acct:alice@hypothes.is"] } },
        { ...hypothesisRow, id: "h4", hidden: true },
        { text: "no id" },
      ]),
    );
    expect(parsed.rows.map((row) => [row.externalId, row.parentExternalId])).toEqual([
      ["h1", null],
      ["h2", "h1"],
    ]);
    expect(parsed.skipped.map((skip) => skip.reason)).toEqual([
      "privateInHypothesis",
      "hiddenInHypothesis",
      "notHypothesis",
    ]);
  });

  it("refuses what is not JSON or not annotations", () => {
    expect(() => parseImport("{oops")).toThrow(expect.objectContaining({ code: "invalidJson" }));
    expect(() => parseImport(JSON.stringify({ hello: 1 }))).toThrow(expect.objectContaining({ code: "unknownShape" }));
    expect(() => parseImport("{oops")).toThrow(ImportFormatError);
  });

  it("parses account names", () => {
    expect(parseAccount("acct:bob_99@hypothes.is")).toEqual({ name: "bob_99", domain: "hypothes.is" });
    expect(parseAccount(undefined)).toBeNull();
  });
});

describe("parseImport: our own W3C export", () => {
  it("reads back what the export wrote, replies included", () => {
    const collection = toAnnotationCollection(
      [openAnnotation(), openAnnotation({ id: "r1", parentId: "root1", rootId: "root1", quote: null, position: null, tags: [], sources: [], body: "A reply" })],
      { collectionId: "https://gloss.test/articles/demo/annotations.jsonld", label: "Demo", total: 2 },
      context,
    );
    const parsed = parseImport(JSON.stringify(collection));
    expect(parsed.format).toBe("web-annotation");
    expect(parsed.rows[0]).toMatchObject({
      externalId: "https://gloss.test/a/root1",
      user: { name: "alice", displayName: "Alice A." },
      text: "A **note**",
      tags: ["economy", "data"],
      quote: { exact: "caf\u00e9 \u{1F600} here", prefix: "the ", suffix: " and" },
      position: { start: 4, end: 16 },
      sources: [{ url: "https://example.org/report", title: "Report", stance: "SUPPORTS" }],
    });
    expect(parsed.rows[1]).toMatchObject({ text: "A reply", parentExternalId: "https://gloss.test/a/root1", quote: null });
    expect(parsed.rows[0]!.modified).toEqual(openAnnotation().modifiedAt);
  });

  it("refuses a collection that embeds only its first page, rather than import part of it silently", () => {
    const collection = toAnnotationCollection([openAnnotation()], { collectionId: "https://gloss.test/articles/demo/annotations.jsonld", label: "Demo", total: 250 }, context);
    expect(() => parseImport(JSON.stringify(collection))).toThrow(expect.objectContaining({ code: "partialCollection", values: { total: 250, included: 1 } }));
  });

  it("strips control and bidi override characters, cuts context to what Gloss stores, and leaves an overlong quote unplaced", () => {
    const hostile = {
      ...hypothesisRow,
      text: "Null\u0000 byte and \u202eoverride",
      user_info: { display_name: "Eve\u0007" },
      tags: ["ok\u0001"],
      target: [{ source: "https://example.com/article", selector: [{ type: "TextQuoteSelector", exact: "carbon\u0000 tax", prefix: "p".repeat(500), suffix: "s".repeat(500) }] }],
    };
    const [row] = parseImport(JSON.stringify([hostile])).rows;
    expect(row).toMatchObject({ text: "Null byte and override", user: { displayName: "Eve" }, quote: { exact: "carbon tax", prefix: "p".repeat(64), suffix: "s".repeat(64) } });
    const long = { ...hypothesisRow, target: [{ source: "https://example.com/article", selector: [{ type: "TextQuoteSelector", exact: "x".repeat(5_001), prefix: "", suffix: "" }] }] };
    expect(parseImport(JSON.stringify([long])).rows[0]).toMatchObject({ quote: null, position: null });
  });
});

describe("planImport", () => {
  const base = parseImport(JSON.stringify([hypothesisRow])).rows[0]!;

  it("orders parents before replies and skips orphaned replies, page notes and empty rows", () => {
    const plan = planImport([
      { ...base, externalId: "c", parentExternalId: "b" },
      { ...base, externalId: "b", parentExternalId: "a" },
      { ...base, externalId: "a" },
      { ...base, externalId: "lost", parentExternalId: "nowhere" },
      { ...base, externalId: "note", quote: null },
      { ...base, externalId: "empty", text: "  " },
      { ...base, externalId: "a" },
    ]);
    expect(plan.ordered.map((row) => row.externalId)).toEqual(["a", "b", "c"]);
    expect(plan.skipped).toEqual([
      { externalId: "note", reason: "pageNote" },
      { externalId: "empty", reason: "noText" },
      { externalId: "a", reason: "duplicateId" },
      { externalId: "lost", reason: "orphanReply" },
    ]);
  });

  it("turns free-text tags into Gloss tags", () => {
    expect(normalizeTags(["Climate policy", "bad tag!", "ok", "OK"])).toEqual(["climate-policy", "ok"]);
  });
});
