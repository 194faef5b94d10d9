import { postAnnotationViaApi } from "./support/annotations";
import { expect, signedInUser, test } from "./support/fixtures";

test.describe("search", () => {
  test("finds English by stem and Chinese by substring, marks the match and links to the permalink", async ({ page, browser, db }) => {
    await signedInUser(page, db, "searcher");
    const token = `zz${Date.now().toString(36)}`;
    const english = await postAnnotationViaApi(page.request, db, `Governments keep regulating platforms ${token}`);
    const chinese = await postAnnotationViaApi(page.request, db, `这是关于网络空间命运共同体的讨论 ${token}`);

    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto("/");
    await readerPage.getByRole("link", { name: "Search" }).click();
    await readerPage.getByLabel("Search for").fill(`regulation ${token}`);
    await readerPage.getByRole("button", { name: "Search" }).click();
    const result = readerPage.locator(`a[href="/a/${english}"]`);
    await expect(result.locator("mark").first()).toHaveText("regulating");

    await readerPage.getByLabel("Search for").fill("空间命运");
    await readerPage.getByRole("button", { name: "Search" }).click();
    await expect(readerPage.locator(`a[href="/a/${chinese}"] mark`)).toHaveText("空间命运");
    await readerPage.locator(`a[href="/a/${chinese}"]`).click();
    await expect(readerPage).toHaveURL(new RegExp(`/a/${chinese}(#.*)?$`));
    await reader.close();
  });

  test("a query holding a NUL or other control characters is searched without them", async ({ page }) => {
    const response = await page.goto(`/search?q=${encodeURIComponent("digi\u0000tal\u0007")}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Search for")).toHaveValue("digital");
  });

  test("private annotations are found by their author only", async ({ page, browser, db }) => {
    await signedInUser(page, db, "private");
    const token = `pv${Date.now().toString(36)}`;
    const { rows } = await db.query(
      `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId"
         FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
        WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
    );
    const row = rows[0] as Record<string, string | number>;
    const response = await page.request.post("/api/annotations", {
      data: { versionId: row.versionId, body: `secret ${token}`, visibility: "PRIVATE", selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId } },
    });
    expect(response.status()).toBe(200);
    const id = ((await response.json()) as { id: string }).id;
    await page.goto(`/search?q=${token}`);
    await expect(page.locator(`a[href="/a/${id}"]`)).toBeVisible();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(`/search?q=${token}`);
    await expect(otherPage.getByRole("status")).toContainText("No annotations you can see match");
    await expect(otherPage.locator(`a[href="/a/${id}"]`)).toHaveCount(0);
    await other.close();
  });
});
