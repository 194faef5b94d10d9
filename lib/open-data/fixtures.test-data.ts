import type { OpenAnnotation } from "./types";

export const exportContextFixture = { siteUrl: "https://gloss.test", articleUrl: "https://gloss.test/articles/demo" };

export function openAnnotation(overrides: Partial<OpenAnnotation> = {}): OpenAnnotation {
  return {
    id: "root1",
    articleSlug: "demo",
    parentId: null,
    rootId: null,
    author: { handle: "alice", name: "Alice A." },
    visibility: "PUBLIC",
    body: "A **note**",
    tags: ["economy", "data"],
    quote: { exact: "caf\u00e9 \u{1F600} here", prefix: "the ", suffix: " and" },
    position: { start: 4, end: 16 },
    sources: [{ url: "https://example.org/report", title: "Report", stance: "SUPPORTS" }],
    createdAt: new Date("2026-01-02T03:04:05.000Z"),
    modifiedAt: new Date("2026-01-03T03:04:05.000Z"),
    ...overrides,
  };
}
