import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { databaseEmbedded, databaseUrl, testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import type { Viewer } from "@/lib/auth/viewer";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { createAnnotation } from "./create-annotation";
import { createReply } from "./create-reply";
import { deleteAnnotation } from "./delete-annotation";
import { editAnnotation } from "./edit-annotation";
import { AnnotationError } from "./errors";
import { listArticleAnnotations } from "./list-article-annotations";
import { toggleHelpful } from "./toggle-helpful";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent("it-annotations", source);
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

function makeViewer(name: string, verified = true): Promise<Viewer> {
  return createActor(name, { verified, domain: "annotations.test" });
}

/** The selectors the page's toolbar would send for the first occurrence of `quote`. */
function selectorsFor(quote: string) {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return { ...described.quote, ...described.position, startBlockId: described.startBlockId };
}

function input(quote: string, extra: Record<string, unknown> = {}) {
  return createAnnotationSchema.parse({ versionId, selectors: selectorsFor(quote), body: "A note", ...extra });
}

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug: "it-annotations" } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: "it-annotations" } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@annotations.test" } } });
  await testDb.$disconnect();
});

describe("annotations with the actor's scope", () => {
  it("stores selectors checked against the version, with sources and an anchor", async () => {
    const author = await makeViewer("author");
    const { id } = await createAnnotation(author, input("5.4 billion people", { sources: [{ url: "https://www.itu.int/stats", stance: "SUPPORTS" }] }));
    const row = await testDb.annotation.findUniqueOrThrow({ where: { id }, include: { sources: true, anchors: true } });
    expect(row.quoteExact).toBe("5.4 billion people");
    expect(row.quotePrefix?.endsWith("by 2023, ")).toBe(true);
    expect(row.sources[0]).toMatchObject({ url: "https://www.itu.int/stats", stance: "SUPPORTS" });
    expect(row.anchors[0]).toMatchObject({ versionId, start: row.positionStart, end: row.positionEnd });
  });

  it("refuses selectors that do not match the version, and unverified authors", async () => {
    const author = await makeViewer("liar");
    const bad = { ...input("5.4 billion people"), selectors: { ...selectorsFor("5.4 billion people"), exact: "6.4 billion people" } };
    await expect(createAnnotation(author, bad)).rejects.toMatchObject({ status: 400 });
    const unverified = await makeViewer("unverified", false);
    await expect(createAnnotation(unverified, input("5.4 billion people"))).rejects.toBeInstanceOf(AnnotationError);
  });

  it("refuses a version that is not the article's current one (409) and one that does not exist (404)", async () => {
    const author = await makeViewer("stale");
    const older = await testDb.articleVersion.create({
      data: { articleId, number: 999, blocks: content.blocks, contentHash: `it-older-${Date.now()}` },
    });
    try {
      await expect(createAnnotation(author, { ...input("5.4 billion people"), versionId: older.id })).rejects.toMatchObject({ status: 409, code: "articleChanged" });
      await expect(createAnnotation(author, { ...input("5.4 billion people"), versionId: "cmnosuchversion000000000" })).rejects.toMatchObject({ status: 404, code: "articleMissing" });
    } finally {
      await testDb.articleVersion.delete({ where: { id: older.id } });
    }
  });

  // On the embedded database transactions take turns, so the edit cannot be caught mid-way there.
  it.skipIf(databaseEmbedded)("refuses a post whose version stopped being current while it was being written, keeping nothing", async () => {
    const author = await makeViewer("racer");
    const newer = await testDb.articleVersion.create({
      data: { articleId, number: 998, blocks: content.blocks, contentHash: `it-newer-${Date.now()}` },
    });
    // An article edit in progress: it holds the article row and has switched the current version, not yet committed.
    const editor = new pg.Client({ connectionString: databaseUrl });
    await editor.connect();
    try {
      await editor.query("BEGIN");
      await editor.query(`UPDATE "Article" SET "currentVersionId" = $1 WHERE id = $2`, [newer.id, articleId]);
      const posting = createAnnotation(author, input("5.4 billion people", { body: "Written during an edit" }));
      const outcome = posting.then(() => "created", (error: unknown) => error);
      await new Promise((done) => setTimeout(done, 500));
      await editor.query("COMMIT");
      expect(await outcome).toMatchObject({ status: 409, code: "articleChanged" });
      expect(await testDb.annotation.count({ where: { authorId: author.id } })).toBe(0);
    } finally {
      await editor.end();
      await testDb.article.update({ where: { id: articleId }, data: { currentVersionId: versionId } });
      await testDb.articleVersion.delete({ where: { id: newer.id } });
    }
  });

  it("keeps private annotations from everyone but their author", async () => {
    const author = await makeViewer("secret");
    const other = await makeViewer("other");
    const { id } = await createAnnotation(author, input("Looking ahead", { visibility: "PRIVATE", body: "private thought" }));
    const seenByOther = await listArticleAnnotations(other, articleId, versionId);
    const seenAnonymously = await listArticleAnnotations(null, articleId, versionId);
    const seenByAuthor = await listArticleAnnotations(author, articleId, versionId);
    expect(seenByOther.some((thread) => thread.root.id === id)).toBe(false);
    expect(seenAnonymously.some((thread) => thread.root.id === id)).toBe(false);
    expect(seenByAuthor.find((thread) => thread.root.id === id)?.root.can).toEqual({ edit: true, delete: true, reply: true, vote: false, flag: false, moderate: false });
    await expect(createReply(other, { parentId: id, body: "peek", sources: [] })).rejects.toMatchObject({ status: 404 });
    await expect(toggleHelpful(other, id)).rejects.toMatchObject({ status: 404 });
    await expect(editAnnotation(other, { id, body: "mine" })).rejects.toMatchObject({ status: 404 });
    await expect(deleteAnnotation(other, id)).rejects.toMatchObject({ status: 404 });
  });

  it("survives a helpful vote racing itself (a double click): no error, and the count matches the votes", async () => {
    const author = await makeViewer("raced");
    const voter = await makeViewer("doubleclick");
    const { id } = await createAnnotation(author, input("more than $6 trillion annually"));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => toggleHelpful(voter, id)));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const votes = await testDb.annotationVote.count({ where: { annotationId: id } });
    const { helpfulCount } = await testDb.annotation.findUniqueOrThrow({ where: { id }, select: { helpfulCount: true } });
    expect(helpfulCount).toBe(votes);
  });

  it("threads replies, counts one helpful vote per person, and leaves a placeholder on delete", async () => {
    const author = await makeViewer("root");
    const replier = await makeViewer("replier");
    const { id } = await createAnnotation(author, input("more than $6 trillion annually"));
    const first = await createReply(replier, { parentId: id, body: "Source?", sources: [{ url: "https://www.unodc.org/", title: undefined, stance: "CONTEXT" }] });
    const second = await createReply(author, { parentId: first.id, body: "UNODC, 2023.", sources: [] });
    expect(second.rootId).toBe(id);
    expect((await toggleHelpful(replier, id)).helpfulCount).toBe(1);
    expect((await toggleHelpful(replier, id)).helpfulCount).toBe(0);
    await expect(toggleHelpful(author, id)).rejects.toMatchObject({ status: 400 });

    await deleteAnnotation(author, id);
    const thread = (await listArticleAnnotations(null, articleId, versionId)).find((candidate) => candidate.root.id === id)!;
    expect(thread.root.isDeleted).toBe(true);
    expect(thread.root.bodyHtml).toBeNull();
    expect(thread.replies.map((reply) => reply.id)).toEqual([first.id, second.id]);
    expect(thread.evidence).toEqual({ SUPPORTS: 0, DISPUTES: 0, CONTEXT: 1 });
    await deleteAnnotation(author, second.id);
    const after = (await listArticleAnnotations(null, articleId, versionId)).find((candidate) => candidate.root.id === id)!;
    expect(after.replies.find((reply) => reply.id === second.id)?.isDeleted).toBe(true);
    await expect(deleteAnnotation(author, second.id)).rejects.toMatchObject({ status: 404 });
  });

  it("keeps the previous body when an annotation is edited", async () => {
    const author = await makeViewer("editor");
    const { id } = await createAnnotation(author, input("Digital Silk Road", { body: "first" }));
    await editAnnotation(author, { id, body: "second" });
    const row = await testDb.annotation.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(row.body).toBe("second");
    expect(row.editedAt).not.toBeNull();
    expect(row.revisions.map((revision) => revision.body)).toEqual(["first"]);
  });
});
