import { contextHeaders, DEMO, expect, signedInUser, test } from "./support/fixtures";
import { selectAcross } from "./support/select-text";

const ARTICLE = "/articles/china-shared-future-cyberspace";

test.describe("annotating", () => {
  test("a drag that runs past the last paragraph, and a triple-click, still annotate the article text they cover", async ({ page, db }) => {
    await signedInUser(page, db, "dragger");
    await page.goto(ARTICLE);
    await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
    const last = page.locator("[data-article-body] [data-block-start]").last();
    const lastText = (await last.textContent())!.trim();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    // Press inside the last paragraph and let go well below the article, over the discussion or the page's foot.
    await page.mouse.move(box.x + 4, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 300, { steps: 8 });
    await page.mouse.up();
    const toolbar = page.getByRole("toolbar", { name: "Selected text" });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole("button", { name: "Annotate" }).click();
    const composer = page.getByRole("dialog", { name: "Annotate" });
    // The quote ends where the article does, and holds nothing from outside it.
    await expect(composer.locator("blockquote")).toContainText(lastText.slice(-40));
    await composer.getByRole("button", { name: "Cancel" }).click();
    await expect(composer).toBeHidden();

    // A triple-click selects the paragraph up to the start of whatever follows it.
    const first = page.locator("[data-article-body] [data-block-start]").nth(1);
    await first.click({ clickCount: 3 });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole("button", { name: "Annotate" }).click();
    const firstText = (await first.textContent())!.trim();
    await expect(composer.locator("blockquote")).toContainText(firstText.slice(0, 30));
    await expect(composer.locator("blockquote")).toContainText(firstText.slice(-30));
  });

  test("select across two paragraphs, annotate with a source, reply, edit, vote and delete", async ({ page, browser, db }) => {
    const author = await signedInUser(page, db, "annotator");
    await page.goto(ARTICLE);
    await selectAcross(page, "digital governance initiatives.", "By the end of 2022");
    const toolbar = page.getByRole("toolbar", { name: "Selected text" });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole("button", { name: "Annotate" }).click();

    const composer = page.getByRole("dialog", { name: "Annotate" });
    await expect(composer.locator("blockquote")).toContainText("digital governance initiatives.");
    await composer.getByLabel("Your annotation").fill("The **MoU counts** need a source.");
    await expect(composer.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("MoU counts");
    await composer.getByRole("button", { name: "Add a source" }).click();
    await composer.getByLabel("Source 1 address").fill("javascript:alert(1)");
    await composer.getByRole("button", { name: "Post annotation" }).click();
    await expect(composer.getByText("A source must be a web address starting with http:// or https://.").first()).toBeVisible();
    await expect(composer.getByLabel("Your annotation")).toHaveValue("The **MoU counts** need a source.");

    await composer.getByLabel("Source 1 address").fill("https://www.mofcom.gov.cn/report?utm_source=x");
    await composer.getByLabel("Title (optional)").fill("MOFCOM digital economy report");
    await composer.getByLabel("Stance").selectOption("DISPUTES");
    await composer.getByRole("button", { name: "Post annotation" }).click();
    await expect(composer).toBeHidden();

    const thread = page.getByRole("article", { name: /Thread on “digital governance initiatives\./ });
    await expect(thread.getByText("The MoU counts need a source.")).toBeVisible();
    await expect(thread.getByText("Evidence: 1 dispute")).toBeVisible();
    await expect(thread.getByRole("link", { name: "MOFCOM digital economy report" })).toHaveAttribute("href", "https://www.mofcom.gov.cn/report");
    const highlight = page.locator("[data-article-body] a[data-highlight-ids]").first();
    await expect(highlight).toContainText("digital governance initiatives.");

    const rows = await db.query(`SELECT a.id, a.body, a."positionStart", a."positionEnd", a.visibility, s.url, s.stance FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" LEFT JOIN "AnnotationSource" s ON s."annotationId" = a.id WHERE u.email = $1`, [author.email]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ visibility: "PUBLIC", url: "https://www.mofcom.gov.cn/report", stance: "DISPUTES" });
    const annotationId: string = rows.rows[0].id;

    // Edit keeps history.
    await thread.getByRole("button", { name: "Edit" }).click();
    await thread.getByLabel("Edit your text").fill("The MoU counts need a better source.");
    await thread.getByRole("button", { name: "Save" }).click();
    await expect(thread.getByText("The MoU counts need a better source.")).toBeVisible();
    await expect(thread.getByText("edited")).toBeVisible();
    const revisions = await db.query(`SELECT body FROM "AnnotationRevision" WHERE "annotationId" = $1`, [annotationId]);
    expect(revisions.rows.map((row) => row.body)).toEqual(["The **MoU counts** need a source."]);

    // A second reader sees it after a reload, replies and votes.
    const otherContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.6.6.6") });
    const other = await otherContext.newPage();
    await signedInUser(other, db, "replier");
    await other.goto(ARTICLE);
    const otherThread = other.getByRole("article", { name: /Thread on “digital governance initiatives\./ });
    await expect(otherThread.getByText("The MoU counts need a better source.")).toBeVisible();
    await otherThread.getByRole("button", { name: /Helpful/ }).click();
    await expect(otherThread.getByRole("button", { name: /Helpful · 1/ })).toHaveAttribute("aria-pressed", "true");
    await otherThread.getByLabel("Reply").fill("Here is the ministry's own list.");
    await otherThread.getByRole("button", { name: "Post reply" }).click();
    await expect(otherThread.getByText("Here is the ministry's own list.")).toBeVisible();
    await expect(otherThread.getByText("1 reply")).toBeVisible();

    // The author deletes; the reply keeps a placeholder in the thread.
    await page.reload();
    page.once("dialog", (dialog) => void dialog.accept());
    await thread.getByRole("button", { name: "Delete" }).first().click();
    await expect(thread.getByText("[deleted]")).toBeVisible();
    await expect(thread.getByText("Here is the ministry's own list.")).toBeVisible();
    const deleted = await db.query(`SELECT body, "deletedAt" FROM "Annotation" WHERE id = $1`, [annotationId]);
    expect(deleted.rows[0].body).toBeNull();
    expect(deleted.rows[0].deletedAt).not.toBeNull();
    await otherContext.close();
  });

  test("a private annotation stays private", async ({ page, browser, db }) => {
    await signedInUser(page, db, "private");
    await page.goto(ARTICLE);
    await selectAcross(page, "Nations should be equal", "Nations should be equal in cyberspace");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await composer.getByLabel("Your annotation").fill("A note only for me.");
    await composer.getByLabel("Only me").check();
    await composer.getByRole("button", { name: "Post annotation" }).click();
    await expect(composer).toBeHidden();
    await expect(page.getByRole("article", { name: /Thread on “Nations should be equal/ }).getByText("A note only for me.")).toBeVisible();
    const { rows } = await db.query(`SELECT id FROM "Annotation" WHERE body = 'A note only for me.'`);
    const id: string = rows[0].id;

    const strangerContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.5.5.5") });
    const stranger = await strangerContext.newPage();
    await signedInUser(stranger, db, "stranger");
    await stranger.goto(ARTICLE);
    await expect(stranger.getByRole("heading", { name: "Discussion" })).toBeVisible();
    expect(await stranger.content()).not.toContain("A note only for me.");
    const reply = await stranger.request.post(`/api/annotations/${id}/replies`, { data: { body: "peek" } });
    expect(reply.status()).toBe(404);
    const vote = await stranger.request.post(`/api/annotations/${id}/helpful`);
    expect(vote.status()).toBe(404);
    const edit = await stranger.request.patch(`/api/annotations/${id}`, { data: { body: "mine now" } });
    expect(edit.status()).toBe(404);

    const anonymous = await browser.newContext();
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(ARTICLE);
    expect(await anonymousPage.content()).not.toContain("A note only for me.");
    await strangerContext.close();
    await anonymous.close();
  });

  test("signed-out readers see public annotations and are asked to sign in to annotate", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { name: /Discussion/ })).toBeVisible();
    await selectAcross(page, "Looking ahead", "Looking ahead");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Highlight" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });

  test("bad input is refused with a message naming the field", async ({ page, db }) => {
    await signedInUser(page, db, "badinput");
    const versionId = await page.goto(ARTICLE).then(() => page.locator("[data-article-body]").getAttribute("data-version-id"));
    const tooLong = await page.request.post("/api/annotations", {
      data: { versionId, body: "x".repeat(10_001), selectors: { exact: "Looking ahead", prefix: "", suffix: "", start: 0, end: 13, startBlockId: "x" } },
    });
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).fieldErrors.body).toBe("Your note is 10,001 characters; the limit is 10,000.");
    const wrongQuote = await page.request.post("/api/annotations", {
      data: { versionId, body: "hi", selectors: { exact: "words the article never says", prefix: "", suffix: "", start: 0, end: 28, startBlockId: "x" } },
    });
    expect(wrongQuote.status()).toBe(400);
    expect((await wrongQuote.json()).error).toContain("doesn't match the article");
    const empty = await page.request.post("/api/annotations", {
      data: { versionId, body: "   ", selectors: { exact: "China", prefix: "", suffix: "", start: 0, end: 5, startBlockId: "x" } },
    });
    expect((await empty.json()).fieldErrors.body).toBe("Write something in your annotation, or use Highlight instead.");
  });

  test("signing in from the composer comes back to the same passage with the draft intact", async ({ page }) => {
    await page.goto(ARTICLE);
    await selectAcross(page, "Bridging the digital divide", "Bridging the digital divide");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(DEMO.reader.email);
    await page.getByLabel("Password").fill(DEMO.reader.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await expect(composer.locator("blockquote")).toHaveText("Bridging the digital divide");
    await composer.getByLabel("Your annotation").fill("Half-written thought");
    await page.reload();
    await selectAcross(page, "Bridging the digital divide", "Bridging the digital divide");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    await expect(page.getByRole("dialog", { name: "Annotate" }).getByLabel("Your annotation")).toHaveValue("Half-written thought");
  });

  test("on a phone, a highlight opens its thread in a bottom sheet @phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(ARTICLE);
    await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
    const highlight = page.locator("[data-article-body] a[data-highlight-ids]").first();
    await highlight.click();
    const close = page.getByRole("button", { name: "Close discussion" });
    await expect(close).toBeVisible();
    const threadId = (await highlight.getAttribute("href"))!.slice(1);
    await expect(page.locator(`#${threadId}`)).toBeInViewport();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: /Discussion · \d+ threads?/ })).toBeVisible();
  });

  test("a keyboard-only reader selects a passage and annotates it", async ({ page, db }) => {
    await signedInUser(page, db, "keyboard");
    await page.goto(ARTICLE);
    await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
    const toggle = page.getByRole("button", { name: "Select text with the keyboard" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Keyboard selection: arrow keys move")).toBeVisible();
    for (let step = 0; step < "China's push".length; step++) await page.keyboard.press("Shift+ArrowRight");
    await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();
    await page.keyboard.press("a");
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await expect(composer.locator("blockquote")).toHaveText("China's push");
    await expect(composer.getByLabel("Your annotation")).toBeFocused();
    await page.keyboard.type("Typed without a mouse.");
    await composer.getByRole("button", { name: "Post annotation" }).press("Enter");
    await expect(page.getByRole("article", { name: /Thread on “China's push/ }).getByText("Typed without a mouse.")).toBeVisible();
    const article = await page.locator("[data-article-body]").textContent();
    expect(article).toContain("China's push for a shared future online");
  });
});
