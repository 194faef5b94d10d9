import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { postAnnotationViaApi } from "./support/annotations";
import { contextHeaders, DEMO, expect, signInViaApi, signedInUser, test } from "./support/fixtures";
import { selectAcross } from "./support/select-text";

const ARTICLE = "/articles/china-shared-future-cyberspace";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANGUAGES = { en: "en-GB", "zh-CN": "zh-CN" } as const;

/**
 * Runs axe on the page as it is now. A soft assertion, so one test reports
 * every page's violations, each rule with its first offending elements.
 */
async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`).join("\n  ")}`);
  expect.soft(summary, `${what}: ${page.url()}`).toEqual([]);
}

for (const [locale, acceptLanguage] of Object.entries(LANGUAGES)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`accessibility, ${locale}, ${colorScheme}`, () => {
      // The locale option sets Accept-Language, which decides the interface language (no cookie is set).
      test.use({ locale: acceptLanguage, colorScheme });

      test("signed-out pages", async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        for (const path of [ARTICLE, "/signin", "/signup", "/forgot-password"]) {
          await page.goto(path);
          await expectNoViolations(page, path);
        }
      });

      test("reader, thread, composer, permalink, moderation, account and admin pages", async ({ page, browser, db }) => {
        test.setTimeout(180_000);
        await page.emulateMedia({ colorScheme });
        // A fresh reader's annotation with an open flag, so the queue has an item in it.
        const writer = await browser.newContext({ extraHTTPHeaders: contextHeaders(`10.91.${colorScheme === "dark" ? 2 : 1}.${locale === "en" ? 1 : 2}`) });
        const writerPage = await writer.newPage();
        await signedInUser(writerPage, db, "axe");
        const id = await postAnnotationViaApi(writerPage.request, db, `An annotation to review ${Date.now()}`);
        const flagger = await browser.newContext({ extraHTTPHeaders: contextHeaders(`10.92.${colorScheme === "dark" ? 2 : 1}.${locale === "en" ? 1 : 2}`) });
        const flaggerPage = await flagger.newPage();
        await signedInUser(flaggerPage, db, "axeflag");
        expect((await flaggerPage.request.post(`/api/annotations/${id}/flags`, { data: { reason: "SPAM" } })).status()).toBe(200);
        await writer.close();
        await flagger.close();

        await signInViaApi(page.request, DEMO.admin.email, DEMO.admin.password);
        await page.goto(ARTICLE);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoViolations(page, "reader, signed in");

        await page.goto(`${ARTICLE}?thread=${id}`);
        await expect(page.locator(`#annotation-${id}`)).toBeVisible();
        await expectNoViolations(page, "open thread");

        await page.goto(ARTICLE);
        await selectAcross(page, "digital governance initiatives.", "digital governance initiatives.");
        // Highlight, Annotate, Copy link: the second button, whatever language names it.
        await page.getByRole("toolbar", { name: /Selected text|选/ }).getByRole("button").nth(1).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectNoViolations(page, "composer open");

        await page.goto(`/a/${id}`);
        await expectNoViolations(page, "permalink");

        await page.goto(`/moderation?annotation=${id}&status=all`);
        await expect(page.locator("[data-queue-item]")).toHaveCount(1);
        await expectNoViolations(page, "moderation queue");
        for (const path of ["/moderation/log", "/account", "/admin", "/admin/articles/new", `${ARTICLE}/edit`]) {
          await page.goto(path);
          await expectNoViolations(page, path);
        }
      });
    });
  }
}
