import { describe, expect, it } from "vitest";
import { exportContextFixture as context, openAnnotation } from "./fixtures.test-data";
import { ANNO_CONTEXT, toAnnotationCollection, toAnnotationPage, toWebAnnotation } from "./web-annotation";

describe("toWebAnnotation", () => {
  it("maps a commented passage with every field the W3C model requires", () => {
    const annotation = toWebAnnotation(openAnnotation(), context);
    expect(annotation).toMatchObject({
      id: "https://gloss.test/a/root1",
      type: "Annotation",
      motivation: "commenting",
      created: "2026-01-02T03:04:05.000Z",
      modified: "2026-01-03T03:04:05.000Z",
      creator: { type: "Person", name: "Alice A.", nickname: "alice" },
      target: {
        source: "https://gloss.test/articles/demo",
        selector: [
          { type: "TextQuoteSelector", exact: "caf\u00e9 \u{1F600} here", prefix: "the ", suffix: " and" },
          { type: "TextPositionSelector", start: 4, end: 16 },
        ],
      },
    });
    expect(annotation.body).toEqual([
      { type: "TextualBody", value: "A **note**", format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "economy", purpose: "tagging" },
      { type: "TextualBody", value: "data", purpose: "tagging" },
      { type: "SpecificResource", source: "https://example.org/report", purpose: "linking", "gloss:stance": "supports", "gloss:title": "Report" },
    ]);
  });

  it("gives a highlight no body", () => {
    const annotation = toWebAnnotation(openAnnotation({ body: null, tags: [], sources: [] }), context);
    expect(annotation.motivation).toBe("highlighting");
    expect(annotation).not.toHaveProperty("body");
  });

  it("points an orphan (no place in the current text) at the article with its quote alone, never at itself", () => {
    expect(toWebAnnotation(openAnnotation({ position: null }), context).target).toEqual({
      source: "https://gloss.test/articles/demo",
      selector: [{ type: "TextQuoteSelector", exact: "caf\u00e9 \u{1F600} here", prefix: "the ", suffix: " and" }],
    });
    expect(toWebAnnotation(openAnnotation({ quote: null, position: null }), context).target).toEqual({ source: "https://gloss.test/articles/demo" });
  });

  it("points a reply at its parent annotation's IRI", () => {
    const annotation = toWebAnnotation(openAnnotation({ id: "r1", parentId: "root1", rootId: "root1", quote: null, position: null, tags: [], sources: [] }), context);
    expect(annotation.motivation).toBe("replying");
    expect(annotation.target).toBe("https://gloss.test/a/root1");
    expect(annotation.body?.[0]).toMatchObject({ purpose: "replying" });
  });

  it("leaves out the creator of a deleted account", () => {
    expect(toWebAnnotation(openAnnotation({ author: null }), context)).not.toHaveProperty("creator");
  });
});

describe("collections and pages", () => {
  const request = { collectionId: "https://gloss.test/articles/demo/annotations.jsonld", label: "Demo", total: 5, pageSize: 2 };

  it("embeds the first page and links the last", () => {
    const collection = toAnnotationCollection([openAnnotation(), openAnnotation({ id: "b" })], request, context);
    expect(collection["@context"][0]).toBe(ANNO_CONTEXT);
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 5, last: `${request.collectionId}?page=2` });
    expect(collection.first).toMatchObject({ type: "AnnotationPage", startIndex: 0, next: `${request.collectionId}?page=1` });
    expect(collection.first).not.toHaveProperty("prev");
    expect(collection.first.items).toHaveLength(2);
  });

  it("links a middle page both ways and says what it is part of", () => {
    const page = toAnnotationPage([openAnnotation()], { ...request, page: 1 }, context);
    expect(page).toMatchObject({ startIndex: 2, prev: `${request.collectionId}?page=0`, next: `${request.collectionId}?page=2`, partOf: { total: 5 } });
    expect(toAnnotationPage([], { ...request, page: 2 }, context)).not.toHaveProperty("next");
  });
});
