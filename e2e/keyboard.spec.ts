import { postAnnotationViaApi } from "./support/annotations";
import { contextHeaders, expect, signedInUser, test } from "./support/fixtures";
import { isFocused, tabTo } from "./support/keyboard";

const ARTICLE = "/articles/china-shared-future-cyberspace";

// Keyboard only: no mouse or tap calls anywhere in this file; locators are used to assert, never to click.
test.describe("a reader who never touches a mouse", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("selects and annotates with a source, replies, votes, shares, opens the shortcuts and moves between highlights", async ({ page, browser, db }) => {
    test.setTimeout(120_000);
    // Someone else's annotation to vote on and share.
    const otherContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.9.9.9") });
    const other = await otherContext.newPage();
    await signedInUser(other, db, "kbother");
    const othersId = await postAnnotationViaApi(other.request, db, "Someone else's note, to vote on.");
    await otherContext.close();

    await signedInUser(page, db, "kbreader");
    // Unique words, so this test's thread and reply are told apart from any other test's.
    const note = `Needs a source, cited from the keyboard (${Date.now().toString(36)}).`;
    const reply = `A reply typed on the keyboard (${Date.now().toString(36)}).`;
    await page.goto(ARTICLE);
    await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });

    // Keyboard selection mode: Tab to the switch, Enter, then Shift+arrows.
    const toggle = page.getByRole("button", { name: "Select text with the keyboard" });
    await tabTo(page, toggle);
    await expect(toggle).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Keyboard selection: arrow keys move")).toBeVisible();
    for (let step = 0; step < "China's push".length; step++) await page.keyboard.press("Shift+ArrowRight");
    await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();

    // A opens the composer with the focus in it.
    await page.keyboard.press("a");
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await expect(composer.locator("blockquote")).toHaveText("China's push");
    await expect(composer.getByLabel("Your annotation")).toBeFocused();
    await page.keyboard.type(note);
    const addSource = composer.getByRole("button", { name: "Add a source" });
    await tabTo(page, addSource);
    await page.keyboard.press("Enter");
    const address = composer.getByLabel("Source 1 address");
    await tabTo(page, address, { backwards: true });
    await page.keyboard.type("https://example.org/report");
    await page.keyboard.press("Tab");
    await expect(composer.getByLabel("Title (optional)")).toBeFocused();
    await page.keyboard.type("A report on it");
    await tabTo(page, composer.getByRole("button", { name: "Post annotation" }));
    await page.keyboard.press("Enter");
    await expect(composer).toBeHidden();

    // The focus follows the new thread.
    const thread = page.getByRole("article", { name: /Thread on “China's push/ }).filter({ hasText: note });
    await expect(thread).toBeFocused();
    await expect(thread.locator("p", { hasText: note })).toBeVisible();
    await expect(thread.getByRole("link", { name: "A report on it" })).toHaveAttribute("href", "https://example.org/report");

    // Reply.
    const replyField = thread.getByLabel("Reply", { exact: true });
    await tabTo(page, replyField);
    await page.keyboard.type(reply);
    await tabTo(page, thread.getByRole("button", { name: "Post reply" }));
    await page.keyboard.press("Enter");
    await expect(thread.locator("p", { hasText: reply })).toBeVisible();

    // Vote on the other reader's annotation, following the link a highlight gives its thread: how many
    // threads lie between the two in tab order depends on what else the discussion holds, and the link's
    // fragment is where the browser's Tab order resumes.
    await page.goto(`${ARTICLE}?thread=${othersId}#thread-${othersId}`);
    const othersThread = page.locator(`#thread-${othersId}`);
    const helpful = othersThread.getByRole("button", { name: /Helpful/ }).first();
    await tabTo(page, helpful);
    await page.keyboard.press("Enter");
    await expect(othersThread.getByRole("button", { name: /Helpful · 1/ }).first()).toHaveAttribute("aria-pressed", "true");

    // Share it: the menu takes the focus, copies, and Escape gives the focus back to Share.
    const share = othersThread.getByRole("button", { name: "Share" }).first();
    await tabTo(page, share);
    await page.keyboard.press("Enter");
    const copy = othersThread.getByRole("button", { name: "Copy link" }).first();
    await expect(copy).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(othersThread.getByText("Link copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/a/${othersId}$`));
    await page.keyboard.press("Escape");
    await expect(copy).toBeHidden();
    await expect(share).toBeFocused();

    // The flag form takes the focus on its first reason; Escape closes it and returns the focus to Flag.
    const flag = othersThread.getByRole("button", { name: "Flag" }).first();
    await tabTo(page, flag);
    await page.keyboard.press("Enter");
    await expect(othersThread.getByRole("radio", { name: /^Spam/ })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(othersThread.getByRole("radio", { name: /^Spam/ })).toBeHidden();
    await expect(flag).toBeFocused();
    await tabTo(page, share, { backwards: true });

    // ? opens the shortcuts, a modal dialog; Tab stays inside; Escape closes it and returns the focus.
    await page.keyboard.press("?");
    const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(shortcuts).toBeVisible();
    for (const action of ["Go to the next highlight", "Go to the previous highlight", "In keyboard selection: annotate the selected text", "In keyboard selection: highlight the selected text"]) {
      await expect(shortcuts.getByText(action)).toBeVisible();
    }
    const close = shortcuts.getByRole("button", { name: "Close" });
    await expect(close).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(close).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(shortcuts).toBeHidden();
    await expect(share).toBeFocused();

    // n and p move between highlights in document order and announce them.
    const highlights = page.locator("[data-article-body] a[data-highlight-ids]");
    const total = await highlights.count();
    expect(total).toBeGreaterThan(1);
    await page.keyboard.press("n");
    await expect(highlights.first()).toBeFocused();
    await expect(highlights.first()).toHaveAccessibleName(/highlighted, \d+ annotations?/);
    await expect(page.getByRole("status").filter({ hasText: `Highlight 1 of ${total}: highlighted` })).toHaveCount(1);
    await page.keyboard.press("n");
    await expect(highlights.nth(1)).toBeFocused();
    await page.keyboard.press("j");
    await expect(highlights.nth(2 % total)).toBeFocused();
    await page.keyboard.press("k");
    await page.keyboard.press("p");
    await expect(highlights.first()).toBeFocused();

    // A highlight leads to its thread, and the thread back to the highlight.
    const first = highlights.first();
    const threadId = (await first.getAttribute("data-highlight-ids"))!.split(" ")[0]!;
    await page.keyboard.press("Enter");
    const target = page.locator(`#thread-${threadId}`);
    await expect(target).toBeFocused();
    await tabTo(page, target.getByRole("link", { name: "Back to the passage" }));
    await page.keyboard.press("Enter");
    // The focus moves on the next frame: wait for it rather than look once.
    await expect.poll(() => isFocused(first)).toBe(true);
  });

  test("on a phone, the discussion sheet opens and closes from the keyboard and gives the focus back @phone", async ({ page }) => {
    test.skip((page.viewportSize()?.width ?? 0) >= 1024, "the discussion is a sheet only on narrow screens");
    await page.goto(ARTICLE);
    const bar = page.getByRole("button", { name: /^Discussion · \d+ threads?$/ });
    await tabTo(page, bar, { limit: 400 });
    await page.keyboard.press("Enter");
    const close = page.getByRole("button", { name: "Close discussion" });
    await expect(close).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(close).toBeHidden();
    await expect(page.getByRole("button", { name: /^Discussion · \d+ threads?$/ })).toBeFocused();
  });

  test("Escape closes the composer and the keyboard mode, and the focus is never dropped", async ({ page, db }) => {
    await signedInUser(page, db, "kbescape");
    await page.goto(ARTICLE);
    await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
    // The shortcuts also open from a button, for screen readers that keep the ? key to themselves.
    const shortcutsButton = page.getByRole("button", { name: "Keyboard shortcuts (?)" });
    await tabTo(page, shortcutsButton);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(shortcutsButton).toBeFocused();
    const toggle = page.getByRole("button", { name: "Select text with the keyboard" });
    await tabTo(page, toggle, { backwards: true });
    await page.keyboard.press("Enter");
    for (let step = 0; step < 5; step++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("a");
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await expect(composer.getByLabel("Your annotation")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(composer).toBeHidden();
    // Back in the article text, still in keyboard selection; Escape again leaves it, on the switch.
    await expect(page.locator("[data-article-body]")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Select text with the keyboard" })).toBeFocused();
  });
});
