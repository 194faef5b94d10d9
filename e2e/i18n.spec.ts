import { postAnnotationViaApi } from "./support/annotations";
import { selectAcross } from "./support/select-text";
import { expect, signedInUser, test } from "./support/fixtures";
import { expectNoMissingMessages, watchMissingMessages } from "./support/missing-messages";

const ARTICLE = "/articles/china-shared-future-cyberspace";

test.describe("the interface in Simplified Chinese", () => {
  // Playwright sends Accept-Language from the locale, as a browser set to Chinese would.
  test.use({ locale: "zh-CN" });

  test("reads, signs in, annotates and replies in zh-CN, with dates in Chinese", async ({ page, db }) => {
    const problems = watchMissingMessages(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("一起细读");
    await expect(page.getByRole("heading", { name: "文章" })).toBeVisible();
    await expect(page.locator("main time").first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expectNoMissingMessages(page, problems);

    await page.getByRole("link", { name: "China leads call for shared future in cyberspace", exact: true }).click();
    // The article itself is never translated, and says it is English, so it is not read in a Chinese voice.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("China leads call for shared future in cyberspace");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
    await expect(page.locator("[data-article-body]")).toHaveAttribute("lang", "en");
    await expect(page.locator("article header")).toContainText("作者：Yasiru Ranaraja");
    await expect(page.locator("article header time")).toHaveText("2025年11月14日");
    await expect(page.getByRole("heading", { name: /^讨论/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
    const highlight = page.locator("[data-article-body] a[data-highlight-ids]").first();
    await expect(highlight).toHaveAccessibleName(/已划线，\d+ 条批注/);
    await expectNoMissingMessages(page, problems);

    await signedInUser(page, db, "zhreader");
    // Unique words, so this test's thread is told apart from any other test's on the same passage.
    const note = `批注可以用任何语言书写。${Date.now().toString(36)}`;
    await page.goto(ARTICLE);
    await selectAcross(page, "digital governance initiatives.", "digital governance initiatives.");
    const toolbar = page.getByRole("toolbar", { name: "已选文字" });
    await toolbar.getByRole("button", { name: "批注" }).click();
    const composer = page.getByRole("dialog", { name: "批注" });
    await composer.getByLabel("你的批注").fill(note);
    await expect(composer.getByText(`${note.length} / 10,000`)).toBeVisible();
    await composer.getByRole("button", { name: "添加来源" }).click();
    await composer.getByLabel("来源 1 的网址").fill("https://example.org/zh");
    await composer.getByLabel("立场").selectOption("CONTEXT");
    await expectNoMissingMessages(page, problems);
    await composer.getByRole("button", { name: "发布批注" }).click();
    await expect(composer).toBeHidden();

    const thread = page.getByRole("article", { name: /^关于“digital governance initiatives\./ }).filter({ hasText: note });
    await expect(thread.locator("p", { hasText: note })).toBeVisible();
    await expect(thread.getByText("证据：1 个提供背景")).toBeVisible();
    // A relative time in Chinese, with the exact time on hover.
    await expect(thread.locator("time").first()).toHaveText(/前|现在|刚刚/);
    await expect(thread.locator("time").first()).toHaveAttribute("title", /\d{4}年\d{1,2}月\d{1,2}日/);

    await thread.getByLabel("回复", { exact: true }).fill("这是一条回复。");
    await thread.getByRole("button", { name: "发布回复" }).click();
    await expect(thread.locator("p", { hasText: "这是一条回复。" })).toBeVisible();
    await expect(thread.locator("summary").first()).toHaveText("1 条回复");
    await expectNoMissingMessages(page, problems);

    // A refused write is worded in the reader's language too.
    const ownId = (await thread.getAttribute("id"))!.replace(/^thread-/, "");
    const ownVote = await page.request.post(`/api/annotations/${ownId}/helpful`, { headers: { "accept-language": "zh-CN" } });
    expect(ownVote.status()).toBe(400);
    expect(((await ownVote.json()) as { error: string }).error).toBe("您不能为自己的批注投票。");

    await page.keyboard.press("?");
    const shortcuts = page.getByRole("dialog", { name: "键盘快捷键" });
    await expect(shortcuts.getByText("跳到下一处划线")).toBeVisible();
    await expectNoMissingMessages(page, problems);
    await page.keyboard.press("Escape");
  });

  test("the switcher's choice is remembered in a cookie over the browser's languages", async ({ page, context }) => {
    const problems = watchMissingMessages(page);
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { name: /^讨论/ })).toBeVisible();
    await page.getByRole("button", { name: "将界面切换为English" }).click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: /^Discussion/ })).toBeVisible();
    expect((await context.cookies()).find((cookie) => cookie.name === "gloss_locale")?.value).toBe("en");

    // Still English on a new visit, though the browser asks for Chinese.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Read closely, together");
    await expect(page.locator("main time").first()).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    await expectNoMissingMessages(page, problems);

    await page.getByRole("button", { name: "Switch the interface to 简体中文" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("一起细读");
    expect((await context.cookies()).find((cookie) => cookie.name === "gloss_locale")?.value).toBe("zh-CN");
  });

  test("the not-found page and a permalink's notices are translated", async ({ page, db }) => {
    const problems = watchMissingMessages(page);
    await signedInUser(page, db, "zhdeleter");
    const id = await postAnnotationViaApi(page.request, db, "Soon gone.");
    expect((await page.request.delete(`/api/annotations/${id}`, { data: {} })).status()).toBe(200);
    await page.goto(`/a/${id}`);
    await expect(page.locator("#link-notice")).toHaveText("这条批注已被删除。");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "这条批注已被删除。");
    await expectNoMissingMessages(page, problems);

    const response = await page.goto("/a/doesnotexistdoesnotexist00");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到页面" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回文章列表" })).toBeVisible();
    await expectNoMissingMessages(page, problems);
  });
});
