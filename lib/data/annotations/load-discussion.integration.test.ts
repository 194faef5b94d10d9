import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { loadDiscussion, ORPHANS_PER_PAGE, THREADS_PER_PAGE } from "./load-discussion";

const slug = "it-discussion";
const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent(slug, source);
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@discussion.test" } } });
  await testDb.$disconnect();
});

/** Many annotations straight in the database, each anchored `index` code points into the text. */
async function seed(authorId: string, count: number, extra: { visibility?: "PUBLIC" | "PRIVATE"; moderationStatus?: "VISIBLE" | "HIDDEN" } = {}) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const start = (index * 37) % (canonical.length - 40);
    const row = await testDb.annotation.create({
      data: {
        articleId,
        versionId,
        authorId,
        body: `Note ${index}`,
        quoteExact: Array.from(canonical.text).slice(start, start + 20).join(""),
        positionStart: start,
        positionEnd: start + 20,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
        ...extra,
        anchors: { create: { versionId, start, end: start + 20, score: 1, method: "position" } },
      },
    });
    ids.push(row.id);
  }
  return ids;
}

describe("the discussion of a long article", () => {
  it("loads every highlight position but only a page of threads, plus the one a link names", async () => {
    const author = await createActor("many", { domain: "discussion.test" });
    const reader = await createActor("reader", { domain: "discussion.test" });
    const ids = await seed(author.id, THREADS_PER_PAGE + 15);
    const hidden = await seed(author.id, 2, { moderationStatus: "HIDDEN" });
    const secret = await seed(author.id, 1, { visibility: "PRIVATE" });

    const page = await loadDiscussion(reader, articleId, versionId, { sort: "oldest" });
    expect(page.total).toBe(ids.length);
    expect(page.highlights).toHaveLength(ids.length);
    expect(page.threads.map((thread) => thread.root.id)).toEqual(ids.slice(0, THREADS_PER_PAGE));

    const newest = await loadDiscussion(reader, articleId, versionId, { sort: "newest", limit: 5, focusRootId: ids[0] });
    expect(newest.threads.map((thread) => thread.root.id)).toEqual([...ids.slice(-5).reverse(), ids[0]]);

    const byPosition = await loadDiscussion(reader, articleId, versionId, { sort: "position", limit: 1000 });
    const starts = byPosition.threads.map((thread) => thread.anchor!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(byPosition.threads).toHaveLength(ids.length);

    // Hidden and private ones reach nobody else, not even as a highlight; their author sees them.
    const seenIds = new Set(byPosition.highlights.map((highlight) => highlight.id));
    for (const id of [...hidden, ...secret]) expect(seenIds.has(id)).toBe(false);
    const own = await loadDiscussion(author, articleId, versionId, { sort: "position", limit: 1000 });
    expect(own.total).toBe(ids.length + hidden.length + secret.length);
    expect(own.highlights.every((highlight) => highlight.isOwn)).toBe(true);
    const anonymous = await loadDiscussion(null, articleId, versionId, { sort: "position", focusRootId: secret[0] });
    expect([...anonymous.threads, ...anonymous.orphaned].some((thread) => thread.root.id === secret[0])).toBe(false);
  });
});

describe("orphaned threads", () => {
  it("counts every orphan and shows more of them when asked, oldest first", async () => {
    const author = await createActor("orphans", { domain: "discussion.test" });
    const newer = await testDb.articleVersion.create({ data: { articleId, number: 2, blocks: content.blocks, contentHash: "it-discussion-orphans" } });
    const total = ORPHANS_PER_PAGE + 12;
    await testDb.annotation.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        articleId,
        versionId,
        authorId: author.id,
        body: `Lost ${index}`,
        quoteExact: `a passage the new version dropped ${index}`,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, index)),
      })),
    });
    const lost = await testDb.annotation.findMany({ where: { authorId: author.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    await testDb.annotationAnchor.createMany({ data: lost.map((row) => ({ annotationId: row.id, versionId: newer.id, start: null, end: null, score: 0, method: "orphan" })) });

    const first = await loadDiscussion(null, articleId, newer.id, { sort: "position" });
    expect(first.orphanedTotal).toBe(total);
    expect(first.orphaned.map((thread) => thread.root.id)).toEqual(lost.slice(0, ORPHANS_PER_PAGE).map((row) => row.id));

    const more = await loadDiscussion(null, articleId, newer.id, { sort: "position", orphanLimit: ORPHANS_PER_PAGE * 2 });
    expect(more.orphanedTotal).toBe(total);
    expect(more.orphaned.map((thread) => thread.root.id)).toEqual(lost.map((row) => row.id));
  });
});
