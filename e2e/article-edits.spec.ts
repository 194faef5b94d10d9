import { contextHeaders, DEMO, expect, signInViaApi, signedInUser, test } from "./support/fixtures";
import { selectAcross } from "./support/select-text";

test("an admin's edit re-anchors annotations and orphans the one whose passage is gone", async ({ page, browser, db }) => {
  // A fresh article, so other tests' annotations on the seeded one are untouched.
  const slug = `edit-test-${Date.now().toString(36)}`;
  await signInViaApi(page.request, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/articles/new");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("Edits and anchors");
  await page.getByLabel("Author", { exact: true }).fill("Test Author");
  // Each language is listed in its own name, and the article's text is marked up with the one chosen.
  await expect(page.getByLabel("Language of the article")).toHaveValue("en");
  await page.getByLabel("Language of the article").selectOption({ label: "français" });
  await page.getByLabel("Body", { exact: true }).fill("## First part\n\nThe stable sentence stays exactly as written.\n\nThe fragile sentence will be rewritten beyond recognition.");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edits and anchors");
  await expect(page.locator("[data-article-body]")).toHaveAttribute("lang", "fr");

  const readerContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.4.4.4") });
  const reader = await readerContext.newPage();
  await signedInUser(reader, db, "edits");
  for (const [quote, note] of [
    ["stable sentence stays", "Anchored note"],
    ["fragile sentence will be rewritten", "Orphan-to-be note"],
  ] as const) {
    await reader.goto(`/articles/${slug}`);
    await selectAcross(reader, quote, quote);
    await reader.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    const composer = reader.getByRole("dialog", { name: "Annotate" });
    await composer.getByLabel("Your annotation").fill(note);
    await composer.getByRole("button", { name: "Post annotation" }).click();
    await expect(composer).toBeHidden();
  }

  await page.goto(`/articles/${slug}/edit`);
  await page
    .getByLabel("Body", { exact: true })
    .fill("## First part\n\nAn inserted opening paragraph moves everything down.\n\nThe stable sentence stays exactly as written.\n\nCompletely different words now stand in this place.");
  await page.getByRole("button", { name: "Publish new version" }).click();
  await expect(page.getByText("New version published; annotations were re-anchored.")).toBeVisible();

  await reader.goto(`/articles/${slug}`);
  const anchoredThread = reader.getByRole("article", { name: /Thread on “stable sentence stays/ });
  await expect(anchoredThread.getByText("Anchored note")).toBeVisible();
  await expect(reader.locator("[data-article-body] a[data-highlight-ids]")).toHaveText(["stable sentence stays"]);
  const orphans = reader.getByRole("region", { name: /Orphaned/ });
  await expect(orphans.getByText("fragile sentence will be rewritten")).toBeVisible();
  await expect(orphans.getByText("Orphan-to-be note")).toBeVisible();

  // Permalinks keep working across the edit: re-anchored, or a notice with the original quote.
  const ids = await db.query(`SELECT id, body FROM "Annotation" WHERE body IN ('Anchored note', 'Orphan-to-be note') AND "articleId" = (SELECT id FROM "Article" WHERE slug = $1)`, [slug]);
  const idOf = (body: string) => (ids.rows as Array<{ id: string; body: string }>).find((row) => row.body === body)!.id;
  await reader.goto(`/a/${idOf("Anchored note")}`);
  await expect(reader.locator("#focused-passage")).toHaveText("stable sentence stays");
  await reader.goto(`/a/${idOf("Orphan-to-be note")}`);
  await expect(reader.getByRole("status").filter({ hasText: "The passage this annotation was written on is no longer in the article" })).toContainText(
    "fragile sentence will be rewritten",
  );
  await reader.goto(`/articles/${slug}`);

  // The earlier version still shows both, where they were made.
  await reader.getByRole("link", { name: "1", exact: true }).click();
  await expect(reader.getByText("You are reading version 1 of 2")).toBeVisible();
  await expect(reader.locator("[data-article-body] a[data-highlight-ids]")).toHaveText(["stable sentence stays", "fragile sentence will be rewritten"]);
  await readerContext.close();
});

test("a reader cannot open the article editor, nor be shown an editor's confirmation", async ({ page }) => {
  await signInViaApi(page.request, DEMO.reader.email, DEMO.reader.password);
  await page.goto("/articles/china-shared-future-cyberspace?published=new-version");
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.getByText("New version published")).toHaveCount(0);
  expect((await page.goto("/articles/china-shared-future-cyberspace/edit"))?.status()).toBe(404);
  expect((await page.goto("/admin/articles/new"))?.status()).toBe(404);
});

test("an edit from an out-of-date form is refused, keeps the admin's text, and publishes once they confirm", async ({ page, db }) => {
  const slug = `edit-conflict-${Date.now().toString(36)}`;
  await signInViaApi(page.request, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/articles/new");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("Two editors");
  await page.getByLabel("Author", { exact: true }).fill("Test Author");
  await page.getByLabel("Body", { exact: true }).fill("The first version of this paragraph.");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two editors");

  // Two tabs open the editor on version 1; the other one publishes first.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/articles/${slug}/edit`);
  const other = await page.context().newPage();
  await other.goto(`/articles/${slug}/edit`);
  await other.getByLabel("Body", { exact: true }).fill("The other admin's paragraph.");
  await other.getByRole("button", { name: "Publish new version" }).click();
  await expect(other.getByText("New version published; annotations were re-anchored.")).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill("Two editors, reconciled");
  await page.getByLabel("Body", { exact: true }).fill("My paragraph, typed on the old version.");
  await page.getByRole("button", { name: "Publish new version" }).click();
  // At the top of a long form, brought into view on a phone.
  await expect(page.getByText("Someone published version 2 while you were editing.")).toBeInViewport();
  await expect(page.getByText("Saving publishes version 3.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Two editors, reconciled");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("My paragraph, typed on the old version.");
  await page.screenshot({ path: test.info().outputPath("edit-conflict-360.png") });
  const current = await db.query(`SELECT a.title, v.number FROM "Article" a JOIN "ArticleVersion" v ON v.id = a."currentVersionId" WHERE a.slug = $1`, [slug]);
  expect(current.rows).toEqual([{ title: "Two editors", number: 2 }]);

  // Having been told, publishing again replaces version 2 knowingly.
  await page.getByRole("button", { name: "Publish new version" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two editors, reconciled");
  await expect(page.locator("[data-article-body]")).toContainText("My paragraph, typed on the old version.");
  const versions = await db.query(`SELECT count(*)::int AS count FROM "ArticleVersion" v JOIN "Article" a ON a.id = v."articleId" WHERE a.slug = $1`, [slug]);
  expect(versions.rows[0]).toEqual({ count: 3 });
});
