import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { toAtomFeed } from "./atom-feed";
import { exportContextFixture as context, openAnnotation } from "./fixtures.test-data";

describe("toAtomFeed", () => {
  it("lists annotations as entries with permalinks, authors and sanitized HTML", () => {
    const xml = toAtomFeed(
      { slug: "demo", title: "Demo", summary: "About demo" },
      [openAnnotation({ body: "Look <script>alert(1)</script> [here](javascript:alert(1)) **now**" }), openAnnotation({ id: "r1", parentId: "root1", body: "Agreed", author: null })],
      context,
    );
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { id: string; entry: Array<{ id: string; title: { "#text": string }; content: { "#text": string }; author: { name: string } }> } };
    expect(feed.feed.id).toBe("https://gloss.test/articles/demo/feed.xml");
    expect(feed.feed.entry.map((entry) => entry.id)).toEqual(["https://gloss.test/a/root1", "https://gloss.test/a/r1"]);
    expect(feed.feed.entry[0]!.title["#text"]).toContain("@alice on “café");
    expect(feed.feed.entry[0]!.title["#text"]).toContain("&lt;script&gt;");
    expect(feed.feed.entry[0]!.content["#text"]).toContain("<strong>now</strong>");
    expect(feed.feed.entry[0]!.content["#text"]).not.toMatch(/<script|href="javascript:/);
    expect(feed.feed.entry[1]).toMatchObject({ title: { "#text": "A deleted user replied: Agreed" }, author: { name: "deleted user" } });
  });

  it("is updated when any entry was, an edit of an older one included", () => {
    const edited = new Date("2026-05-05T05:05:05.000Z");
    const xml = toAtomFeed({ slug: "demo", title: "Demo", summary: "About demo" }, [openAnnotation(), openAnnotation({ id: "old", modifiedAt: edited })], context);
    expect((new XMLParser().parse(xml) as { feed: { updated: string } }).feed.updated).toBe(edited.toISOString());
  });
});
