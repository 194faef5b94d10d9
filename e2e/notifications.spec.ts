import { postAnnotationViaApi } from "./support/annotations";
import { expect, signedInUser, test } from "./support/fixtures";
import { ARTICLE } from "./support/live";

test.describe("notifications", () => {
  test("are private: signed-out visitors are sent to sign in, and handle lookups need an account", async ({ page, request }) => {
    await page.goto("/notifications");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotifications/);
    await page.goto("/notifications/settings");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotifications%2Fsettings/);
    expect((await request.get("/api/users/handles?q=demo")).status()).toBe(401);
    expect((await request.get("/api/users/handles?q=%27%20or%201=1")).status()).toBe(400);
  });

  test("a reply and a mention light the bell; the page links to the permalink and marks read", async ({ page, browser, db }) => {
    const author = await signedInUser(page, db, "noted");
    const id = await postAnnotationViaApi(page.request, db, `Notify me ${Date.now()}`);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const replier = await signedInUser(otherPage, db, "replier");
    const reply = await otherPage.request.post(`/api/annotations/${id}/replies`, { data: { body: `Good point @${author.handle}`, sources: [] } });
    expect(reply.status()).toBe(200);
    const replyId = ((await reply.json()) as { id: string }).id;

    await page.goto("/");
    const bell = page.getByRole("link", { name: "Notifications: 1 unread" });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    const item = page.getByRole("listitem").filter({ hasText: `@${replier.handle} replied to your annotation` });
    await expect(item).toContainText(`Good point @${author.handle}`);
    await expect(item.getByRole("link", { name: "Open" })).toHaveAttribute("href", `/a/${replyId}`);
    await item.getByRole("button", { name: "Mark read" }).click();
    await expect(page.getByRole("link", { name: "Notifications: none unread" })).toBeVisible();
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.handle = $1 AND n."readAt" IS NULL`, [author.handle]);
    expect((rows[0] as { n: number }).n).toBe(0);
    await other.close();
  });

  test("a kind switched off in settings is not created", async ({ page, browser, db }) => {
    const author = await signedInUser(page, db, "muted");
    await page.goto("/notifications/settings");
    await page.getByRole("group", { name: "Replies to my annotations" }).getByLabel("In the app").uncheck();
    await page.getByRole("group", { name: "@mentions of me" }).getByLabel("Email").selectOption("DIGEST");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("group", { name: "Replies to my annotations" }).getByLabel("In the app")).not.toBeChecked();

    const id = await postAnnotationViaApi(page.request, db, `Quiet please ${Date.now()}`);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signedInUser(otherPage, db, "talker");
    expect((await otherPage.request.post(`/api/annotations/${id}/replies`, { data: { body: "You won't hear this", sources: [] } })).status()).toBe(200);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.handle = $1`, [author.handle]);
    expect((rows[0] as { n: number }).n).toBe(0);
    await other.close();
  });

  test("the reply form suggests handles after @, chosen with the keyboard", async ({ page, browser, db }) => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const target = await signedInUser(otherPage, db, "mentionee");
    const id = await postAnnotationViaApi(otherPage.request, db, `Mention target ${Date.now()}`);
    await signedInUser(page, db, "mentioner");
    await page.goto(`${ARTICLE}?thread=${id}#thread-${id}`);
    const box = page.locator(`#reply-${id}`);
    await box.click();
    await box.pressSequentially(`Thanks @${target.handle.slice(0, 12)}`);
    const option = page.getByRole("option", { name: new RegExp(`@${target.handle}`) });
    await expect(option).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await box.press("Enter");
    await expect(box).toHaveValue(`Thanks @${target.handle} `);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await other.close();
  });
});
