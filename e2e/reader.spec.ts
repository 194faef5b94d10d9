import { expect, test } from "@playwright/test";

const SLUG = "china-shared-future-cyberspace";
const HEADINGS = [
  "China's vision as alternative model",
  "Nations should be equal in cyberspace",
  "Cybersecurity and legal cooperation",
  "Bridging the digital divide",
  "Strategic applications across sectors",
  "Looking ahead",
];

test.describe("the reader", () => {
  test("lists the article on the home page @phone", async ({ page }) => {
    await page.goto("/");
    const link = page.getByRole("link", { name: "China leads call for shared future in cyberspace", exact: true });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}$`));
  });

  test("shows the whole article with its metadata @phone", async ({ page }, testInfo) => {
    const response = await page.goto(`/articles/${SLUG}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("China leads call for shared future in cyberspace · Gloss");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("China leads call for shared future in cyberspace");
    const header = page.locator("article header");
    await expect(header).toContainText("By Yasiru Ranaraja");
    await expect(header.locator("time")).toHaveAttribute("datetime", "2025-11-14");
    await expect(header).toContainText("来源:中国网一点号");
    await expect(page.getByText(/^China's push for a shared future online/)).toBeVisible();
    await expect(page.locator("[data-article-body]").getByRole("heading", { level: 2 })).toHaveText(HEADINGS);
    const lastParagraph = page.getByText(/as a commons for cooperation\.$/);
    await lastParagraph.scrollIntoViewIfNeeded();
    await expect(lastParagraph).toBeVisible();
    await expect(page.getByText(/He is the founding director of the BRISL/)).toBeVisible();
    for (const chrome of ["B站影视", "相关推荐"]) await expect(page.getByText(chrome)).toHaveCount(0);

    await page.screenshot({ path: testInfo.outputPath(`article-${testInfo.project.name}.png`), fullPage: false });
  });

  test("carries a description and Open Graph tags", async ({ page }) => {
    await page.goto(`/articles/${SLUG}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^China's push for a shared future online/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "China leads call for shared future in cyberspace");
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", new RegExp(`/articles/${SLUG}$`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/articles/${SLUG}$`));
  });

  test("keeps lines to a readable measure and does not overflow a 360px screen @phone", async ({ page }) => {
    await page.goto(`/articles/${SLUG}`);
    const paragraph = page.locator("[data-article-body] p").nth(1);
    const width = await paragraph.evaluate((element) => element.getBoundingClientRect().width);
    const fontSize = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    // About 70 characters: at most ~36em wide on a large screen.
    expect(width / fontSize).toBeLessThanOrEqual(38);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("sends a nonce-based Content Security Policy", async ({ page }) => {
    const response = await page.goto(`/articles/${SLUG}`);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
  });
});

test.describe("unknown addresses", () => {
  test("an unknown article is a 404 page @phone", async ({ page }) => {
    const response = await page.goto("/articles/unknown");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the articles" })).toBeVisible();
  });

  test("a malformed slug is a 404 page too", async ({ page }) => {
    const response = await page.goto("/articles/%E2%80%AE..%2Fetc");
    expect(response?.status()).toBe(404);
  });
});
