import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { databaseEmbedded, databaseUrl, testDb } from "@/tests/support/database";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { verifyCredentials } from "@/lib/auth/credentials";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { toAnnotationCollection } from "@/lib/open-data/web-annotation";
import { ImportError, importAnnotations } from "./import-annotations";
import { listPublicAnnotations } from "./list-public-annotations";

const SLUG = "it-import";
const OTHER_SLUG = "it-import-other";
const RACE_SLUG = "it-import-race";
const SITE = "https://gloss.test";
const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent(SLUG, source);
const canonical = buildCanonicalText(content.blocks);
const quote = "5.4 billion people";
const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;

function hypothesisRow(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    created: "2025-03-04T05:06:07.000000+00:00",
    user: "acct:importer_alice@hypothes.is",
    user_info: { display_name: "Alice Importer" },
    text: `Note ${id}`,
    tags: ["Digital divide"],
    references: [],
    permissions: { read: ["group:__world__"] },
    target: [
      {
        source: "https://example.com/original",
        selector: [
          { type: "RangeSelector", startContainer: "/main[1]/p[3]", startOffset: 4, endContainer: "/main[1]/p[3]", endOffset: 22 },
          // Offsets in Hypothesis's view of another page: wrong here, so only a hint.
          { type: "TextPositionSelector", start: start + 500, end: start + 518 },
          { type: "TextQuoteSelector", exact: quote, prefix: canonical.text.slice(canonical.text.indexOf(quote) - 20, canonical.text.indexOf(quote)), suffix: "" },
        ],
      },
    ],
    ...extra,
  };
}

let articleId = "";

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  await saveArticleContent(testDb, parseArticleContent(OTHER_SLUG, source));
  articleId = (await testDb.article.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: { in: [SLUG, OTHER_SLUG, RACE_SLUG] } } });
  await testDb.user.deleteMany({ where: { OR: [{ email: { endsWith: "@import.test" } }, { email: { endsWith: "@placeholder.invalid" } }] } });
  await testDb.$disconnect();
});

describe("importing Hypothesis annotations", () => {
  it("anchors what it can, keeps the rest as orphans, threads replies and reports counts", async () => {
    const admin = await createActor("admin", { role: "ADMIN", domain: "import.test" });
    const rows = [
      hypothesisRow("h-root"),
      hypothesisRow("h-lost", { target: [{ selector: [{ type: "TextQuoteSelector", exact: "words that appear nowhere in this article at all", prefix: "", suffix: "" }] }] }),
      { ...hypothesisRow("h-reply"), user: "acct:bob@hypothes.is", references: ["h-root"], target: [{ source: "https://example.com/original" }] },
      { ...hypothesisRow("h-reply2"), references: ["h-root", "h-reply"], target: [] },
      { ...hypothesisRow("h-dangling"), references: ["h-missing"], target: [] },
      hypothesisRow("h-private", { permissions: { read: ["acct:importer_alice@hypothes.is"] } }),
    ];
    const report = await importAnnotations(admin, { slug: SLUG, siteUrl: SITE, data: JSON.stringify({ total: rows.length, rows }) });
    expect(report).toMatchObject({ format: "hypothesis", imported: 4, anchored: 1, orphaned: 1, replies: 2 });
    expect(report.skipped.map((skip) => skip.externalId).sort()).toEqual(["h-dangling", "h-private"]);
    const audit = await testDb.moderationLogEntry.findFirstOrThrow({ where: { actorId: admin.id, action: "import" } });
    expect(audit).toMatchObject({ before: { slug: SLUG, version: 1 }, after: { format: "hypothesis", imported: 4, anchored: 1, orphaned: 1, replies: 2, skipped: 2 } });

    const imported = await testDb.annotation.findMany({ where: { articleId }, include: { anchors: true, author: true }, orderBy: { createdAt: "asc" } });
    const root = imported.find((row) => row.body === "Note h-root")!;
    expect(root.quoteExact).toBe(quote);
    expect(root.positionStart).toBe(start);
    expect(root.tags).toEqual(["digital-divide"]);
    expect(root.createdAt.toISOString()).toBe("2025-03-04T05:06:07.000Z");
    expect(root.anchors[0]).toMatchObject({ start, end: start + Array.from(quote).length });
    const orphan = imported.find((row) => row.body === "Note h-lost")!;
    expect(orphan.anchors[0]).toMatchObject({ start: null, end: null, method: "orphan" });
    const reply2 = imported.find((row) => row.body === "Note h-reply2")!;
    const reply = imported.find((row) => row.body === "Note h-reply")!;
    expect(reply).toMatchObject({ parentId: root.id, rootId: root.id });
    expect(reply2).toMatchObject({ parentId: reply.id, rootId: root.id });

    expect(root.author).toMatchObject({ isPlaceholder: true, name: "Alice Importer", passwordHash: null, emailVerifiedAt: null });
    expect(root.author!.handle).toMatch(/^importer_alice/);
    expect(reply.author!.handle).toMatch(/^bob/);
    expect(await verifyCredentials({ email: root.author!.email, password: "anything at all 123" })).toBeNull();

    const { total } = await listPublicAnnotations(articleId, { skip: 0, take: 10 });
    expect(total).toBe(4);

    // The same file again adds nothing.
    const again = await importAnnotations(admin, { slug: SLUG, siteUrl: SITE, data: JSON.stringify({ total: rows.length, rows }) });
    expect(again).toMatchObject({ imported: 0, anchored: 0, orphaned: 0, replies: 0 });
    expect(again.skipped.filter((skip) => skip.reason === "alreadyImported")).toHaveLength(4);
    expect((await listPublicAnnotations(articleId, { skip: 0, take: 10 })).total).toBe(4);
  });

  it("reuses the placeholder author on a second import", async () => {
    const admin = await createActor("admin", { role: "ADMIN", domain: "import.test" });
    await importAnnotations(admin, { slug: SLUG, siteUrl: SITE, data: JSON.stringify([hypothesisRow("again")]) });
    const authors = await testDb.user.findMany({ where: { isPlaceholder: true, handle: { startsWith: "importer_alice" } } });
    expect(authors).toHaveLength(1);
  });

  it("reads its own export back as the annotations already here, not as copies, and leaves other articles' threads out", async () => {
    const admin = await createActor("admin", { role: "ADMIN", domain: "import.test" });
    const exported = await listPublicAnnotations(articleId, { skip: 0, take: 100 });
    const collection = (slug: string) =>
      toAnnotationCollection(exported.items, { collectionId: `${SITE}/articles/${slug}/annotations.jsonld`, label: slug, total: exported.total }, { siteUrl: SITE, articleUrl: `${SITE}/articles/${slug}` });
    const root = exported.items.find((item) => item.body === "Note h-root")!;
    // A reply written elsewhere to one of our annotations, travelling with the export.
    const file = collection(SLUG);
    file.first.items.push({
      id: "https://elsewhere.example/anno/9",
      type: "Annotation",
      motivation: "replying",
      created: "2025-06-01T00:00:00.000Z",
      modified: "2025-06-03T00:00:00.000Z",
      creator: { type: "Person", name: "Remote Rita", nickname: "rita" },
      body: [{ type: "TextualBody", value: "A reply from elsewhere", format: "text/markdown", purpose: "replying" }],
      target: `${SITE}/a/${root.id}`,
    });
    file.total += 1;
    const users = await testDb.user.count();
    const annotations = await testDb.annotation.count({ where: { articleId } });

    const report = await importAnnotations(admin, { slug: SLUG, siteUrl: SITE, data: JSON.stringify(file) });
    expect(report).toMatchObject({ imported: 1, replies: 1, anchored: 0, orphaned: 0 });
    expect(report.skipped.filter((skip) => skip.reason === "alreadyHere")).toHaveLength(exported.total);
    expect(await testDb.annotation.count({ where: { articleId } })).toBe(annotations + 1);
    expect(await testDb.user.count()).toBe(users + 1);
    const reply = await testDb.annotation.findFirstOrThrow({ where: { body: "A reply from elsewhere" } });
    expect(reply).toMatchObject({ parentId: root.id, rootId: root.id, editedAt: new Date("2025-06-03T00:00:00.000Z") });

    // The same export copied to another article of this site: the threads come with their real authors (known
    // here, not taken from the file), and what was taken down here since the export does not come back.
    const hiddenRoot = exported.items.find((item) => item.body === "Note h-lost")!;
    await testDb.annotation.update({ where: { id: hiddenRoot.id }, data: { moderationStatus: "HIDDEN" } });
    const copy = await importAnnotations(admin, { slug: OTHER_SLUG, siteUrl: SITE, data: JSON.stringify(collection(SLUG)) });
    expect(copy.skipped).toEqual([{ externalId: `${SITE}/a/${hiddenRoot.id}`, reason: "removedHere" }]);
    expect(copy).toMatchObject({ imported: exported.total - 1 });
    const otherId = (await testDb.article.findUniqueOrThrow({ where: { slug: OTHER_SLUG } })).id;
    const copied = await testDb.annotation.findFirstOrThrow({ where: { articleId: otherId, body: "Note h-root" } });
    const original = await testDb.annotation.findUniqueOrThrow({ where: { id: root.id } });
    expect(copied.authorId).toBe(original.authorId);
    expect(await testDb.user.count()).toBe(users + 1);
  });

  it("is for admins only", async () => {
    const moderator = await createActor("mod", { role: "MODERATOR", domain: "import.test" });
    await expect(importAnnotations(moderator, { slug: SLUG, siteUrl: SITE, data: "[]" })).rejects.toBeInstanceOf(ImportError);
  });
});

describe("an import racing an article edit", () => {
  // On the embedded database transactions take turns, so the edit cannot be caught mid-way there.
  it.skipIf(databaseEmbedded)("is refused when a new version is published while the file is read, keeping nothing", async () => {
    const admin = await createActor("racer", { role: "ADMIN", domain: "import.test" });
    await saveArticleContent(testDb, parseArticleContent(RACE_SLUG, source));
    const article = await testDb.article.findUniqueOrThrow({ where: { slug: RACE_SLUG } });
    const newer = await testDb.articleVersion.create({ data: { articleId: article.id, number: 2, blocks: content.blocks, contentHash: `it-race-${Date.now()}` } });
    // An article edit in progress: it holds the article row and has switched the current version, not yet committed.
    const editor = new pg.Client({ connectionString: databaseUrl });
    await editor.connect();
    try {
      await editor.query("BEGIN");
      const { rows } = await editor.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await editor.query(`UPDATE "Article" SET "currentVersionId" = $1 WHERE id = $2`, [newer.id, article.id]);
      const importing = importAnnotations(admin, { slug: RACE_SLUG, siteUrl: SITE, data: JSON.stringify({ total: 1, rows: [hypothesisRow("h-race")] }) });
      const outcome = importing.then(() => "imported", (error: unknown) => error);
      // Commit once the import waits on the edit's lock, whichever statement it waits in.
      for (let waiting = 0; waiting === 0; ) {
        const [row] = await testDb.$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM pg_stat_activity WHERE ${rows[0]!.pid}::int = ANY(pg_blocking_pids(pid))`;
        waiting = Number(row!.count);
      }
      await editor.query("COMMIT");
      expect(await outcome).toMatchObject({ status: 409, code: "articleChanged" });
      expect(await testDb.annotation.count({ where: { articleId: article.id } })).toBe(0);
    } finally {
      await editor.end();
    }
  });
});
