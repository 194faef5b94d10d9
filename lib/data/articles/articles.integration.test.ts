import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { getArticleBySlug } from "./get-article";
import { listArticles } from "./list-articles";
import { saveArticleContent } from "./save-article-content";

const seedSource = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: { startsWith: "it-" } } });
  await testDb.$disconnect();
});

describe("saveArticleContent", () => {
  it("creates the article once, then writes nothing for the same body", async () => {
    const content = parseArticleContent("it-seed", seedSource);
    expect(await saveArticleContent(testDb, content)).toBe("created");
    expect(await saveArticleContent(testDb, content)).toBe("unchanged");
    expect(await testDb.articleVersion.count({ where: { article: { slug: "it-seed" } } })).toBe(1);
  });

  it("adds an immutable version when the body changes and keeps the old one", async () => {
    const original = parseArticleContent("it-edit", seedSource);
    await saveArticleContent(testDb, original);
    const edited = parseArticleContent("it-edit", seedSource.replace("Looking ahead", "Looking further ahead"));
    expect(await saveArticleContent(testDb, edited)).toBe("new-version");

    const versions = await testDb.articleVersion.findMany({ where: { article: { slug: "it-edit" } }, orderBy: { number: "asc" } });
    expect(versions.map((version) => version.number)).toEqual([1, 2]);
    expect(versions[0]!.contentHash).not.toBe(versions[1]!.contentHash);
    expect(JSON.stringify(versions[0]!.blocks)).toContain('"Looking ahead"');

    const article = await getArticleBySlug("it-edit");
    expect(article?.version.number).toBe(2);
    expect(article?.version.blocks.some((block) => block.text === "Looking further ahead")).toBe(true);
  });
});

describe("reading", () => {
  it("returns the seeded article with every part in order", async () => {
    await saveArticleContent(testDb, parseArticleContent("it-read", seedSource));
    const article = await getArticleBySlug("it-read");
    expect(article).not.toBeNull();
    expect(article!.title).toBe("China leads call for shared future in cyberspace");
    expect(article!.author).toBe("Yasiru Ranaraja");
    expect(article!.source).toBe("来源:中国网一点号");
    expect(article!.publishedAt.toISOString()).toBe("2025-11-14T00:00:00.000Z");
    const kinds = article!.version.blocks.map((block) => block.kind);
    expect(kinds[0]).toBe("lead");
    expect(kinds.filter((kind) => kind === "heading")).toHaveLength(6);
    const canonical = buildCanonicalText(article!.version.blocks);
    expect(canonical.text).not.toContain("B站影视");
    expect(canonical.text).not.toContain("相关推荐");
    expect(canonical.text.endsWith("but as a commons for cooperation.")).toBe(true);
  });

  it("returns null for an unknown slug and lists only articles with a version", async () => {
    expect(await getArticleBySlug("it-does-not-exist")).toBeNull();
    await testDb.article.create({
      data: { slug: "it-draft", title: "Draft", author: "A", summary: "s", publishedAt: new Date() },
    });
    const slugs = (await listArticles()).map((article) => article.slug);
    expect(slugs).toContain("it-read");
    expect(slugs).not.toContain("it-draft");
  });
});
