import { expect, test } from "./support/fixtures";
import { selectAcross } from "./support/select-text";

const ARTICLE = "/articles/china-shared-future-cyberspace";

test.describe("sharing a passage without annotating", () => {
  test("Copy link makes a link that opens the article with the passage highlighted, no account needed @phone", async ({ browser }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(ARTICLE);
    await selectAcross(page, "interoperable digital systems", "transparency and resilience");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied." })).toBeAttached();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("?quote=");

    const reader = await browser.newPage();
    const response = await reader.goto(link);
    expect(response?.status()).toBe(200);
    const passage = reader.locator("#focused-passage");
    await expect(passage).toHaveText("interoperable digital systems enhance transparency and resilience");
    await expect(passage).toBeInViewport();
    await context.close();
    await reader.close();
  });

  test("a tampered link opens the article with a notice, never an error page", async ({ page }) => {
    for (const query of ["?quote=words%20that%20are%20not%20there&prefix=x&suffix=y", "?quote=", `?quote=${"x".repeat(6000)}`, "?quote=a&start=-5"]) {
      const response = await page.goto(`${ARTICLE}${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByText("Couldn't find that passage in this article.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("China leads call for shared future in cyberspace");
    }
  });

  test("a standard text fragment is honoured the same way", async ({ page }) => {
    await page.goto(`${ARTICLE}#:~:text=Smart%20Africa%20Digital%20Academy`);
    await expect(page).toHaveURL(/\?quote=Smart\+Africa\+Digital\+Academy/);
    await expect(page.locator("#focused-passage")).toHaveText("Smart Africa Digital Academy");
  });
});
