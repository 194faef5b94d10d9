import { expect, signedInUser, test } from "./support/fixtures";
import type pg from "pg";

const ARTICLE_TITLE = "China leads call for shared future in cyberspace";

/** A public annotation with one reply, made straight in the database as another reader would have. */
async function demoThread(db: pg.Pool) {
  const { rows } = await db.query(`SELECT a.id, a."quoteExact" FROM "Annotation" a WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%'`);
  const root = rows[0] as { id: string; quoteExact: string };
  const reply = (await db.query(`SELECT id FROM "Annotation" WHERE "rootId" = $1 LIMIT 1`, [root.id])).rows[0] as { id: string };
  return { root, reply };
}

test.describe("permalinks", () => {
  test("open the article at the annotation, signed out, with share-card tags @phone", async ({ page, db }) => {
    const { root } = await demoThread(db);
    const response = await page.goto(`/a/${root.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
    const passage = page.locator("#focused-passage");
    await expect(passage).toContainText("5.4 billion people");
    await expect(passage).toBeInViewport();
    await expect(page.locator(`#annotation-${root.id}`)).toHaveAttribute("aria-current", "true");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/a/${root.id}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /^“5\.4 billion people/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /^Demo discussion: this matches the ITU's Facts and Figures 2023/);
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "Gloss");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
  });

  test("a reply's permalink focuses the reply in its thread", async ({ page, db }) => {
    const { reply } = await demoThread(db);
    await page.goto(`/a/${reply.id}`);
    await expect(page.locator(`#annotation-${reply.id}`)).toHaveAttribute("aria-current", "true");
    await expect(page.locator("#focused-passage")).toContainText("5.4 billion people");
  });

  test("works without JavaScript", async ({ browser, db }) => {
    const { root } = await demoThread(db);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 700 } });
    const page = await context.newPage();
    await page.goto(`/a/${root.id}`);
    await expect(page).toHaveURL(new RegExp(`/a/${root.id}#focused-passage$`));
    await expect(page.locator("#focused-passage")).toBeInViewport();
    await context.close();
  });

  test("a private annotation's link works only for its author", async ({ page, browser, db }) => {
    await signedInUser(page, db, "permalink");
    const author = (await db.query(`SELECT id FROM "User" WHERE handle LIKE 'permalink_%' ORDER BY "createdAt" DESC LIMIT 1`)).rows[0] as { id: string };
    const { rows } = await db.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", visibility, body, tags, "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "startBlockId", "updatedAt")
       SELECT 'privatepermalink' || floor(random() * 1e9)::text, a."articleId", a."versionId", $1, 'PRIVATE', 'my private note', '{}', a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId", now()
       FROM "Annotation" a WHERE a."rootId" IS NULL AND a."quoteExact" IS NOT NULL LIMIT 1 RETURNING id`,
      [author.id],
    );
    const id = (rows[0] as { id: string }).id;
    expect((await page.goto(`/a/${id}`))?.status()).toBe(200);
    await expect(page.getByText("my private note")).toBeVisible();

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    const response = await strangerPage.goto(`/a/${id}`);
    expect(response?.status()).toBe(404);
    await expect(strangerPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await strangerPage.content()).not.toContain("my private note");
    await stranger.close();
  });

  test("a deleted annotation opens the article with a notice and none of its words", async ({ page, db }) => {
    const user = await signedInUser(page, db, "deleter");
    const author = (await db.query(`SELECT id FROM "User" WHERE email = $1`, [user.email])).rows[0] as { id: string };
    const { rows } = await db.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", visibility, body, tags, "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "startBlockId", "updatedAt", "deletedAt")
       SELECT 'deletedpermalink' || floor(random() * 1e9)::text, a."articleId", a."versionId", $1, 'PUBLIC', NULL, '{}', a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId", now(), now()
       FROM "Annotation" a WHERE a."rootId" IS NULL AND a."quoteExact" IS NOT NULL LIMIT 1 RETURNING id`,
      [author.id],
    );
    const id = (rows[0] as { id: string }).id;
    const response = await page.goto(`/a/${id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "This annotation was deleted." })).toBeVisible();
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", "This annotation was deleted.");
  });

  test("a malformed or unknown id is a 404", async ({ page }) => {
    expect((await page.goto("/a/not-an-id!"))?.status()).toBe(404);
    expect((await page.goto("/a/abcdefghijklmnopqrstuvwxy"))?.status()).toBe(404);
  });

  test("the share menu copies the permalink with a visible confirmation, from the keyboard", async ({ browser, db }) => {
    const { root } = await demoThread(db);
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto("/articles/china-shared-future-cyberspace");
    const thread = page.locator(`#thread-${root.id}`);
    await thread.getByRole("button", { name: "Share" }).first().focus();
    await page.keyboard.press("Enter");
    await thread.getByRole("button", { name: "Copy link" }).first().press("Enter");
    await expect(thread.getByText("Link copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/a/${root.id}$`));
    await expect(thread.getByRole("link", { name: "Email" }).first()).toHaveAttribute("href", /^mailto:\?subject=/);
    await context.close();
  });

  test("the share card is a 1200×630 PNG drawn on the server, and private annotations have none", async ({ page, db }) => {
    const { root } = await demoThread(db);
    await page.goto(`/a/${root.id}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(new RegExp(`/a/${root.id}/card\\.png\\?v=`));
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const response = await page.request.get(image!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

    const { rows } = await db.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", visibility, body, tags, "quoteExact", "updatedAt")
       SELECT 'privatecard' || floor(random() * 1e9)::text, "articleId", "versionId", 'PRIVATE', 'secret', '{}', 'quote', now() FROM "Annotation" LIMIT 1 RETURNING id`,
    );
    expect((await page.request.get(`/a/${(rows[0] as { id: string }).id}/card.png`)).status()).toBe(404);
  });
});
