import { postAnnotationViaApi } from "./support/annotations";
import { contextHeaders, DEMO, expect, newUser, signInViaApi, signedInUser, test } from "./support/fixtures";
import { englishWords, interfaceText, missingKeys, userStrings } from "./support/leftovers";

// The locale option sets Accept-Language; the fixture's own headers (client address, Origin) replace extraHTTPHeaders.
const CHINESE = { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" };

test.describe("Simplified Chinese interface", () => {
  test.use({ extraHTTPHeaders: CHINESE, locale: "zh-CN" });

  test("signs up, signs in and reads the moderation pages with no English left in them", async ({ page, browser, db }) => {
    test.setTimeout(120_000);
    const check = async () => {
      const text = await interfaceText(page, await userStrings(db));
      expect(englishWords(text), text).toEqual([]);
      expect(missingKeys(text), text).toEqual([]);
    };
    const user = newUser("zh");

    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "创建账户", level: 1 })).toBeVisible();
    await check();
    // A bad handle is refused in Chinese, beside its field.
    await page.getByLabel("显示名称").fill(user.name);
    await page.getByLabel("用户名").fill("a b");
    await page.getByLabel("电子邮箱").fill(user.email);
    await page.getByLabel("密码").fill(user.password);
    await page.getByRole("button", { name: "创建账户" }).click();
    await expect(page.getByText("用户名只能包含字母、数字和下划线。")).toBeVisible();
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
    await check();
    await page.getByLabel("用户名").fill(user.handle);
    await page.getByLabel("密码").fill(user.password);
    await page.getByRole("button", { name: "创建账户" }).click();
    await expect(page.getByRole("heading", { name: "请查收邮件", level: 1 })).toBeVisible();
    await check();

    // A fresh browser signs in, first with a wrong password.
    const context = await browser.newContext({ extraHTTPHeaders: { ...CHINESE, ...contextHeaders("10.77.0.9") }, locale: "zh-CN" });
    const other = await context.newPage();
    await other.goto("/signin");
    await expect(other.getByRole("heading", { name: "登录", level: 1 })).toBeVisible();
    await other.getByLabel("电子邮箱").fill(user.email);
    await other.getByLabel("密码").fill("not the password");
    await other.getByRole("button", { name: "登录", exact: true }).click();
    await expect(other.getByRole("main").getByRole("alert")).toContainText("该邮箱和密码与任何账户都不匹配");
    await other.getByLabel("密码").fill(user.password);
    await other.getByRole("button", { name: "登录", exact: true }).click();
    await other.waitForURL((url) => url.pathname === "/");
    await context.close();

    // The moderation queue and its log, as the demo moderator.
    await signInViaApi(page.request, DEMO.moderator.email, DEMO.moderator.password);
    await page.goto("/moderation?status=all");
    await expect(page.getByRole("heading", { name: "审核", level: 1 })).toBeVisible();
    await check();
    await page.goto("/moderation/log");
    await expect(page.getByRole("heading", { name: "审核日志", level: 1 })).toBeVisible();
    await check();
  });

  test("a moderator's notice reads in Chinese on the notifications page", async ({ page, browser, db }) => {
    await signedInUser(page, db, "zhnotice");
    const id = await postAnnotationViaApi(page.request, db, "一条会被版主隐藏的批注。");
    const moderatorContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.77.0.10") });
    const moderator = await moderatorContext.newPage();
    await signInViaApi(moderator.request, DEMO.moderator.email, DEMO.moderator.password);
    const hide = await moderator.request.post(`/api/moderation/annotations/${id}`, { data: { action: "hide", expectedRevision: 0, reason: "离题" } });
    expect(hide.status(), await hide.text()).toBe(200);
    await moderatorContext.close();

    await page.goto("/notifications");
    await expect(page.getByText(/^版主隐藏了你在“5\.4 billion people.*”上的批注。原因：离题$/)).toBeVisible();
  });
});
