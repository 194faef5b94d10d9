import { randomBytes } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import type pg from "pg";
import { expect, signedInUser, test } from "./support/fixtures";

const SLUG = "china-shared-future-cyberspace";
const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

interface WebAnnotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  creator?: { name: string; nickname: string };
  body?: Array<{ type: string; value?: string; purpose: string; source?: string; "gloss:stance"?: string }>;
  target: string | { source: string; selector: Array<{ type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }> };
}
interface Collection {
  "@context": unknown[];
  id: string;
  type: string;
  total: number;
  first: { id: string; type: string; items: WebAnnotation[]; next?: string };
  last: string;
}

/** Posts an annotation with tags and a source on the seeded "5.4 billion people" passage, then a reply, through the web app's endpoints. */
async function postThread(request: import("@playwright/test").APIRequestContext, db: pg.Pool, body: string) {
  const { rows } = await db.query(
    `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId"
       FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
      WHERE ar.slug = $1 AND a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
    [SLUG],
  );
  const row = rows[0] as Record<string, string | number>;
  const root = await request.post("/api/annotations", {
    data: {
      versionId: row.versionId,
      body,
      tags: ["open-data"],
      sources: [{ url: "https://example.org/itu-report", title: "ITU report", stance: "SUPPORTS" }],
      selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId },
    },
  });
  expect(root.status(), await root.text()).toBe(200);
  const rootId = ((await root.json()) as { id: string }).id;
  const reply = await request.post(`/api/annotations/${rootId}/replies`, { data: { body: `Reply to ${body}` } });
  expect(reply.status(), await reply.text()).toBe(200);
  return rootId;
}

/** A second article with the same text as the seeded one, to import into. */
async function copyArticle(db: pg.Pool): Promise<string> {
  const slug = `copy-${randomBytes(4).toString("hex")}`;
  const articleId = `cp${randomBytes(10).toString("hex")}`;
  const versionId = `cv${randomBytes(10).toString("hex")}`;
  await db.query(
    `INSERT INTO "Article" (id, slug, title, author, summary, "publishedAt", "updatedAt")
     SELECT $1, $2, title || ' (copy)', author, summary, "publishedAt", now() FROM "Article" WHERE slug = $3`,
    [articleId, slug, SLUG],
  );
  await db.query(
    `INSERT INTO "ArticleVersion" (id, "articleId", number, blocks, "contentHash")
     SELECT $1, $2, 1, v.blocks, v."contentHash" FROM "Article" a JOIN "ArticleVersion" v ON v.id = a."currentVersionId" WHERE a.slug = $3`,
    [versionId, articleId, SLUG],
  );
  await db.query(`UPDATE "Article" SET "currentVersionId" = $1 WHERE id = $2`, [versionId, articleId]);
  return slug;
}

/** What must survive a round trip: the quote, the text, tags, sources, and which item a reply answers (by its text). */
function comparable(items: WebAnnotation[]) {
  const textOf = new Map(items.map((item) => [item.id, item.body?.find((body) => body.purpose === "commenting" || body.purpose === "replying")?.value ?? ""]));
  return items
    .map((item) => ({
      motivation: item.motivation,
      created: item.created,
      creator: item.creator?.name,
      quote: typeof item.target === "string" ? null : item.target.selector.find((selector) => selector.type === "TextQuoteSelector"),
      position: typeof item.target === "string" ? null : item.target.selector.find((selector) => selector.type === "TextPositionSelector"),
      text: textOf.get(item.id),
      tags: (item.body ?? []).filter((body) => body.purpose === "tagging").map((body) => body.value),
      sources: (item.body ?? []).filter((body) => body.purpose === "linking").map((body) => `${body["gloss:stance"]} ${body.source}`),
      repliesTo: typeof item.target === "string" ? textOf.get(item.target) : null,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

test("the W3C export has every required field and round-trips through the import page", async ({ page, db }) => {
  const author = await signedInUser(page, db, "exporter");
  const marker = `Round trip ${randomBytes(4).toString("hex")}`;
  const rootId = await postThread(page.request, db, marker);

  const response = await page.request.get(`/articles/${SLUG}/annotations.jsonld`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(JSON_LD);
  const collection = (await response.json()) as Collection;
  expect(collection["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
  expect(collection).toMatchObject({ type: "AnnotationCollection", id: expect.stringMatching(/annotations\.jsonld$/), total: expect.any(Number), last: expect.any(String) });
  expect(collection.first.type).toBe("AnnotationPage");
  const items = collection.first.items;
  expect(items.length).toBe(collection.total);
  for (const item of items) {
    // The model's MUSTs: an IRI id, type Annotation, a target; and what Gloss promises: motivation, created, modified.
    expect(item.id).toMatch(/^http:\/\/.+\/a\/[a-z0-9]+$/);
    expect(item.type).toBe("Annotation");
    expect(item.target).toBeTruthy();
    expect(["commenting", "replying", "highlighting"]).toContain(item.motivation);
    expect(Number.isNaN(Date.parse(item.created)) || Number.isNaN(Date.parse(item.modified))).toBe(false);
  }
  const root = items.find((item) => item.id.endsWith(`/a/${rootId}`))!;
  expect(root).toMatchObject({ motivation: "commenting", creator: { nickname: author.handle } });
  expect(root.body).toEqual(
    expect.arrayContaining([
      { type: "TextualBody", value: marker, format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "open-data", purpose: "tagging" },
      { type: "SpecificResource", source: "https://example.org/itu-report", purpose: "linking", "gloss:stance": "supports", "gloss:title": "ITU report" },
    ]),
  );
  const target = root.target as Exclude<WebAnnotation["target"], string>;
  expect(target.source).toMatch(new RegExp(`/articles/${SLUG}$`));
  expect(target.selector.map((selector) => selector.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
  const reply = items.find((item) => item.body?.[0]?.value === `Reply to ${marker}`)!;
  expect(reply).toMatchObject({ motivation: "replying", target: root.id });

  // An admin imports the export into a copy of the article through the import page. As this site's own export it would
  // be matched to the annotations already here (its threads belong to the original article), so it comes from another site.
  const foreign = JSON.parse(JSON.stringify(collection).replaceAll(new URL(root.id).origin, "https://another-gloss.example")) as Collection;
  await db.query(`UPDATE "User" SET role = 'ADMIN' WHERE handle = $1`, [author.handle]);
  const copySlug = await copyArticle(db);
  await page.goto(`/articles/${copySlug}/import`);
  await expect(page.getByRole("heading", { name: "Import annotations" })).toBeVisible();
  await page.getByLabel("Or paste the JSON").fill(JSON.stringify(foreign));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const count = async (name: string) => Number(await page.getByTestId(`import-${name}`).textContent());
  const skipped = await count("skipped");
  const roots = items.filter((item) => item.motivation !== "replying").length;
  expect(await count("imported")).toBe(items.length - skipped);
  expect(await count("orphaned")).toBe(0);
  expect(await count("anchored")).toBe(roots);
  expect(await count("replies")).toBe(items.length - roots - skipped);

  const copied = (await (await page.request.get(`/articles/${copySlug}/annotations.jsonld`)).json()) as Collection;
  const skippedIds = new Set(await page.locator('[aria-labelledby="import-report"] li code').allTextContents());
  const expected = foreign.first.items.filter((item) => !skippedIds.has(item.id));
  expect(comparable(copied.first.items)).toEqual(comparable(expected));
  expect(comparable(copied.first.items).some((item) => item.text === marker && item.tags.includes("open-data"))).toBe(true);
  // Imported authors are placeholders named after the originals, who cannot sign in.
  const placeholder = await db.query(`SELECT "isPlaceholder", "passwordHash" FROM "User" u JOIN "Annotation" a ON a."authorId" = u.id WHERE a.body = $1 AND a."articleId" = (SELECT id FROM "Article" WHERE slug = $2)`, [marker, copySlug]);
  expect(placeholder.rows[0]).toEqual({ isPlaceholder: true, passwordHash: null });
});

test("the CSV export escapes cells and guards against formulas", async ({ page, db }) => {
  await signedInUser(page, db, "csv");
  const formula = `=HYPERLINK("http://evil.example","x") ${randomBytes(3).toString("hex")}`;
  await postThread(page.request, db, formula);
  const response = await page.request.get(`/articles/${SLUG}/annotations.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = await response.text();
  expect(csv.split("\r\n")[0]).toBe("id,url,article,motivation,parent_id,author_handle,author_name,visibility,quote,prefix,suffix,start,end,body,tags,sources,created,modified");
  expect(csv).toContain(`"'${formula.replaceAll('"', '""')}"`);
  expect(csv).not.toContain(`,${formula}`);
});

test("the Atom feed parses and lists new public annotations; the article page links to it", async ({ page, db }) => {
  await signedInUser(page, db, "feed");
  const marker = `Feed entry ${randomBytes(4).toString("hex")} <script>alert(1)</script>`;
  const rootId = await postThread(page.request, db, marker);
  const response = await page.request.get(`/articles/${SLUG}/feed.xml`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await response.text();
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { title: string; entry: Array<{ id: string; content: { "#text": string } }> } };
  expect(feed.feed.title).toContain("Annotations on");
  const entry = feed.feed.entry.find((candidate) => candidate.id.endsWith(`/a/${rootId}`));
  expect(entry).toBeTruthy();
  expect(entry!.content["#text"]).not.toContain("<script>");

  await page.goto(`/articles/${SLUG}`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", new RegExp(`/articles/${SLUG}/feed\\.xml$`));
});

test("people download their own annotations, private ones included, from the account page", async ({ page, db }) => {
  const user = await signedInUser(page, db, "ownexport");
  await postThread(page.request, db, "Mine to export");
  await db.query(`UPDATE "Annotation" SET visibility = 'PRIVATE' WHERE body = 'Mine to export' AND "authorId" = (SELECT id FROM "User" WHERE handle = $1)`, [user.handle]);
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "W3C Web Annotations (JSON-LD)" })).toHaveAttribute("href", "/api/account/export/annotations.jsonld");
  const own = (await (await page.request.get("/api/account/export/annotations.jsonld")).json()) as Collection;
  expect(own.first.items.map((item) => item.body?.[0]?.value)).toEqual(["Mine to export", "Reply to Mine to export"]);
  const csv = await (await page.request.get("/api/account/export/annotations.csv")).text();
  expect(csv).toContain(",private,");
});

test("only admins can import: the page and its endpoint are 404 to everyone else", async ({ page, db }) => {
  const anonymous = await page.request.post(`/api/articles/${SLUG}/import`, { data: { data: "[]" } });
  expect(anonymous.status()).toBe(404);
  const user = await signedInUser(page, db, "notadmin");
  expect((await page.goto(`/articles/${SLUG}/import`))?.status()).toBe(404);
  expect((await page.request.post(`/api/articles/${SLUG}/import`, { data: { data: "[]" } })).status()).toBe(404);
  await db.query(`UPDATE "User" SET role = 'MODERATOR' WHERE handle = $1`, [user.handle]);
  expect((await page.request.post(`/api/articles/${SLUG}/import`, { data: { data: "[]" } })).status()).toBe(404);
  await db.query(`UPDATE "User" SET role = 'ADMIN' WHERE handle = $1`, [user.handle]);
  await page.goto(`/articles/${SLUG}`);
  await page.getByRole("link", { name: "Import annotations" }).click();
  await expect(page.getByRole("heading", { name: "Import annotations" })).toBeVisible();
  const invalid = await page.request.post(`/api/articles/${SLUG}/import`, { data: { data: "{not json" } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ fieldErrors: { data: "The file is not valid JSON." } });
});
