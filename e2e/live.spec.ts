import { postAnnotationViaApi } from "./support/annotations";
import { expect, signedInUser, test } from "./support/fixtures";
import { ARTICLE, articleId, openLiveArticle, readEvents, startSecondInstance } from "./support/live";

test.describe("live discussion", () => {
  test("two readers see each other's posts live: new threads behind the bar, replies in place", async ({ page, browser, db }) => {
    await signedInUser(page, db, "alice");
    const bobContext = await browser.newContext();
    const bobPage = await bobContext.newPage();
    await signedInUser(bobPage, db, "bob");
    await openLiveArticle(page);
    await openLiveArticle(bobPage);

    const body = `Live thread ${Date.now()}`;
    const id = await postAnnotationViaApi(page.request, db, body);
    const bar = bobPage.getByRole("button", { name: /new annotations? — show/ });
    await expect(bar).toBeVisible();
    // Held back: the page did not move.
    await expect(bobPage.locator(`#thread-${id}`)).toHaveCount(0);
    await bar.click();
    await expect(bobPage.locator(`#thread-${id}`)).toContainText(body);

    // Alice's own post appeared for her without a bar; Bob's reply appears inside it, in place.
    await expect(page.locator(`#thread-${id}`)).toContainText(body);
    const reply = `Live reply from Bob ${Date.now()}`;
    const response = await bobPage.request.post(`/api/annotations/${id}/replies`, { data: { body: reply, sources: [] } });
    expect(response.status()).toBe(200);
    await expect(page.locator(`#thread-${id}`)).toContainText(reply);
    await bobContext.close();
  });

  test("a reader on a second app instance sees posts made through the first", async ({ page, browser, db }) => {
    const second = await startSecondInstance(Number(process.env.E2E_PORT ?? 3100) + 1);
    try {
      // Its own Origin: the config sends the first instance's with every request, which Chromium refuses for the second's scripts.
      const reader = await browser.newContext({ baseURL: second.url, extraHTTPHeaders: { origin: second.url } });
      const readerPage = await reader.newPage();
      await openLiveArticle(readerPage);
      await signedInUser(page, db, "writer");
      const body = `Across instances ${Date.now()}`;
      const id = await postAnnotationViaApi(page.request, db, body);
      await readerPage.getByRole("button", { name: /new annotations? — show/ }).click();
      await expect(readerPage.locator(`#thread-${id}`)).toContainText(body);
      await reader.close();
    } finally {
      await second.stop();
    }
  });

  test("a stream resumed with Last-Event-ID gets exactly what happened meanwhile, and never someone's private note", async ({ page, db, baseURL }) => {
    await signedInUser(page, db, "resumer");
    const url = `${baseURL}/api/live/articles/${await articleId(db)}`;
    const first = await postAnnotationViaApi(page.request, db, `Before the drop ${Date.now()}`);
    const { rows } = await db.query(`SELECT id::text FROM "LiveEvent" WHERE "annotationId" = $1`, [first]);
    const seen = (rows[0] as { id: string }).id;

    // Disconnected: two public posts and a private one happen.
    const missed = [await postAnnotationViaApi(page.request, db, `Missed one ${Date.now()}`), await postAnnotationViaApi(page.request, db, `Missed two ${Date.now()}`)];
    const versionRow = await db.query(`SELECT "versionId", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "startBlockId" FROM "Annotation" WHERE id = $1`, [first]);
    const row = versionRow.rows[0] as Record<string, string | number>;
    const secret = await page.request.post("/api/annotations", {
      data: {
        versionId: row.versionId,
        body: "private",
        visibility: "PRIVATE",
        selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId },
      },
    });
    expect(secret.status()).toBe(200);
    const after = await postAnnotationViaApi(page.request, db, `After the private one ${Date.now()}`);

    // Signed out, as anyone else: resumes right after the last id it saw.
    const events = await readEvents(url, { lastEventId: seen, until: (got) => got.some((event) => event.data.annotationId === after) });
    const secretId = ((await secret.json()) as { id: string }).id;
    expect(events.some((event) => event.data.annotationId === secretId || event.data.annotationId === first)).toBe(false);
    // Other tests may post meanwhile; ours arrive in order, none missing.
    const ours = events.filter((event) => [...missed, after].includes(event.data.annotationId));
    expect(ours.map((event) => event.data.annotationId)).toEqual([...missed, after]);
    expect(ours.every((event) => event.data.kind === "annotation.created")).toBe(true);
    const ids = events.map((event) => BigInt(event.id));
    expect(ids.every((value, index) => index === 0 || value > ids[index - 1]!)).toBe(true);
  });

  test("a stream for an unknown article is a 404", async ({ request }) => {
    expect((await request.get("/api/live/articles/cunknownunknownunknown00")).status()).toBe(404);
    expect((await request.get("/api/live/articles/..%2F..%2Fetc")).status()).toBe(404);
  });

  test("filters narrow the panel by author, and survive in the URL", async ({ page, db }) => {
    const author = await signedInUser(page, db, "filtered");
    const body = `Filtered thread ${Date.now()}`;
    const id = await postAnnotationViaApi(page.request, db, body);
    await page.goto(ARTICLE);
    await page.getByText("Filter threads").click();
    await page.getByLabel("Author").fill(author.handle);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`author=${author.handle}`));
    const threads = page.locator("article[id^=thread-]");
    await expect(threads).toHaveCount(1);
    await expect(page.locator(`#thread-${id}`)).toContainText(body);
    await page.getByLabel("Whose").selectOption("mine");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.locator(`#thread-${id}`)).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(threads.nth(1)).toBeVisible();
  });
});
