import { randomBytes } from "node:crypto";
import type pg from "pg";
import { expect, test } from "./support/fixtures";

const id = () => `c${randomBytes(12).toString("hex").slice(0, 24)}`;

/**
 * A copy of the seeded article with `count` public annotations made straight
 * in the database, so a long discussion does not disturb other tests.
 */
async function articleWithAnnotations(db: pg.Pool, count: number, options: { orphaned?: boolean } = {}): Promise<{ slug: string; ids: string[] }> {
  const slug = `long-${randomBytes(4).toString("hex")}`;
  const articleId = id();
  const versionId = id();
  const source = (await db.query(`SELECT v.blocks, v."contentHash" FROM "Article" a JOIN "ArticleVersion" v ON v.id = a."currentVersionId" WHERE a.slug = 'china-shared-future-cyberspace'`)).rows[0] as { blocks: unknown; contentHash: string };
  const author = (await db.query(`SELECT id FROM "User" WHERE email = 'reader@demo.gloss.test'`)).rows[0] as { id: string };
  await db.query(`INSERT INTO "Article" (id, slug, title, author, summary, "publishedAt", "updatedAt") VALUES ($1, $2, 'A long discussion', 'Test', 'Many annotations', now(), now())`, [articleId, slug]);
  await db.query(`INSERT INTO "ArticleVersion" (id, "articleId", number, blocks, "contentHash") VALUES ($1, $2, 1, $3, $4)`, [versionId, articleId, JSON.stringify(source.blocks), source.contentHash]);
  await db.query(`UPDATE "Article" SET "currentVersionId" = $1 WHERE id = $2`, [versionId, articleId]);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const annotationId = id();
    // Each annotation covers 12 code points, 40 apart: they never overlap.
    const start = 200 + index * 40;
    await db.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", body, "quoteExact", "positionStart", "positionEnd", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'x', $6, $7, now() - make_interval(mins => $8), now())`,
      [annotationId, articleId, versionId, author.id, `Long note number ${index}`, start, start + 12, count - index],
    );
    await db.query(
      options.orphaned
        ? `INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method) VALUES ($1, $2, NULL, NULL, 0, 'orphan')`
        : `INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method) VALUES ($1, $2, $3, $4, 1, 'position')`,
      options.orphaned ? [annotationId, versionId] : [annotationId, versionId, start, start + 12],
    );
    ids.push(annotationId);
  }
  return { slug, ids };
}

test.describe("long discussions", () => {
  test("show a page of threads, more on request, and lead every highlight to its thread", async ({ page, db }) => {
    const { slug, ids } = await articleWithAnnotations(db, 60);
    await page.goto(`/articles/${slug}`);
    await expect(page.getByRole("heading", { name: "Discussion (60)" })).toBeVisible();
    // Every annotation is highlighted (a passage crossing two paragraphs is two runs of one highlight).
    const highlighted = await page.locator("[data-article-body] a[data-highlight-ids]").evaluateAll((links) => new Set(links.map((link) => link.getAttribute("data-highlight-ids"))).size);
    expect(highlighted).toBe(60);
    const threads = page.locator('article[id^="thread-"]');
    await expect(threads).toHaveCount(25);
    await expect(page.getByText("Showing 25 of 60 threads.")).toBeVisible();

    // A highlight whose thread is not shown yet opens the page that shows it, focused.
    const last = page.locator(`[data-article-body] a[data-highlight-ids="${ids[59]}"]`).first();
    await expect(last).toHaveAttribute("href", new RegExp(`\\?thread=${ids[59]}#thread-${ids[59]}$`));
    await last.click();
    await expect(page.locator(`#thread-${ids[59]}`)).toContainText("Long note number 59");
    await expect(page).toHaveURL(new RegExp(`thread=${ids[59]}`));

    await page.goto(`/articles/${slug}`);
    await page.getByRole("link", { name: "Show more threads" }).click();
    await expect(threads).toHaveCount(50);
    await page.getByRole("link", { name: "Show more threads" }).click();
    await expect(threads).toHaveCount(60);
    await expect(page.getByRole("link", { name: "Show more threads" })).toHaveCount(0);
  });

  test("count every orphaned thread and show more of them on request", async ({ page, db }) => {
    const { slug } = await articleWithAnnotations(db, 55, { orphaned: true });
    await page.goto(`/articles/${slug}`);
    const orphaned = page.getByRole("region", { name: "Orphaned (55)" });
    await expect(orphaned).toBeVisible();
    const threads = orphaned.locator('article[id^="thread-"]');
    await expect(threads).toHaveCount(50);
    await expect(orphaned.getByText("Showing 50 of 55 threads.")).toBeVisible();
    await orphaned.getByRole("link", { name: "Show more orphaned threads" }).click();
    await expect(threads).toHaveCount(55);
    await expect(page.getByRole("link", { name: "Show more orphaned threads" })).toHaveCount(0);
  });
});
