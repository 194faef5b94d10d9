import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { parseArticleContent } from "@/lib/articles/content-file";
import { ArticleGoneError, ArticleVersionConflictError, SlugTakenError } from "./article-save-errors";
import { createArticleIfMissing } from "./create-article";
import { saveArticleContent } from "./save-article-content";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: { startsWith: "it-edits-" } } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@article-edits.test" } } });
  await testDb.$disconnect();
});

async function currentVersion(slug: string) {
  const article = await testDb.article.findUniqueOrThrow({ where: { slug }, include: { currentVersion: true } });
  return { article, version: article.currentVersion! };
}

describe("creating an article", () => {
  it("creates a shipped article once, however many starts race for it, and never touches an existing one", async () => {
    const content = parseArticleContent("it-edits-shipped", source);
    const results = await Promise.all(Array.from({ length: 4 }, () => createArticleIfMissing(testDb, content)));
    expect(results.filter((result) => result === "created")).toHaveLength(1);
    expect(results.filter((result) => result === "exists")).toHaveLength(3);

    const { version } = await currentVersion("it-edits-shipped");
    const edited = { ...parseArticleContent("it-edits-shipped", source.replace("Looking ahead", "Looking further ahead")), title: "Edited title" };
    await saveArticleContent(testDb, edited, { intent: { mode: "edit", baseVersionId: version.id } });
    expect(await createArticleIfMissing(testDb, content)).toBe("exists");
    const after = await currentVersion("it-edits-shipped");
    expect(after.article.title).toBe("Edited title");
    expect(after.version.number).toBe(2);
  });

  it("refuses a slug another admin takes at the same moment, and records the creation in the audit log", async () => {
    const admin = await createActor("creator", { role: "ADMIN", domain: "article-edits.test" });
    const content = parseArticleContent("it-edits-race", source);
    const results = await Promise.allSettled([0, 1, 2].map(() => saveArticleContent(testDb, content, { actor: admin, intent: { mode: "create" } })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(SlugTakenError);
    }
    const entries = await testDb.moderationLogEntry.findMany({ where: { actorId: admin.id, action: "article_create" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toEqual({ slug: "it-edits-race", version: 1 });
  });
});

describe("editing an article", () => {
  it("refuses an edit that started from an older version instead of replacing the newer one", async () => {
    const admin = await createActor("editor", { role: "ADMIN", domain: "article-edits.test" });
    const original = parseArticleContent("it-edits-conflict", source);
    await saveArticleContent(testDb, original);
    const base = (await currentVersion("it-edits-conflict")).version.id;

    const first = parseArticleContent("it-edits-conflict", source.replace("Looking ahead", "First admin's words"));
    expect(await saveArticleContent(testDb, first, { actor: admin, intent: { mode: "edit", baseVersionId: base } })).toBe("new-version");
    const second = parseArticleContent("it-edits-conflict", source.replace("Looking ahead", "Second admin's words"));
    const refused = await saveArticleContent(testDb, second, { actor: admin, intent: { mode: "edit", baseVersionId: base } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ArticleVersionConflictError);
    expect((refused as ArticleVersionConflictError).current.number).toBe(2);

    const { version } = await currentVersion("it-edits-conflict");
    expect(version.number).toBe(2);
    expect(JSON.stringify(version.blocks)).toContain("First admin's words");
    // Publishing again from the version the conflict named replaces it knowingly.
    expect(await saveArticleContent(testDb, second, { actor: admin, intent: { mode: "edit", baseVersionId: version.id } })).toBe("new-version");

    const log = await testDb.moderationLogEntry.findMany({ where: { actorId: admin.id, action: "article_edit" }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => [entry.before, entry.after])).toEqual([
      [{ slug: "it-edits-conflict", version: 1 }, { slug: "it-edits-conflict", version: 2, changed: ["body"] }],
      [{ slug: "it-edits-conflict", version: 2 }, { slug: "it-edits-conflict", version: 3, changed: ["body"] }],
    ]);
  });

  it("publishes one version for a double submit of the same edit", async () => {
    await saveArticleContent(testDb, parseArticleContent("it-edits-double", source));
    const base = (await currentVersion("it-edits-double")).version.id;
    const edited = parseArticleContent("it-edits-double", source.replace("Looking ahead", "Looking much further ahead"));
    const results = await Promise.all([0, 1].map(() => saveArticleContent(testDb, edited, { intent: { mode: "edit", baseVersionId: base } })));
    expect(results.sort()).toEqual(["new-version", "unchanged"]);
    expect(await testDb.articleVersion.count({ where: { article: { slug: "it-edits-double" } } })).toBe(2);
  });

  it("refuses an edit of an article that is gone", async () => {
    const content = parseArticleContent("it-edits-gone", source);
    await expect(saveArticleContent(testDb, content, { intent: { mode: "edit", baseVersionId: "c".repeat(25) } })).rejects.toBeInstanceOf(ArticleGoneError);
    expect(await testDb.article.count({ where: { slug: "it-edits-gone" } })).toBe(0);
  });
});
