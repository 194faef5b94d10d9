import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reanchorArticle, REANCHOR_BATCH_SIZE } from "./reanchor";

const slug = "it-reanchor";
const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@reanchor.test" } } });
  await testDb.$disconnect();
});

/** The transaction as reanchorArticle sees it, recording every read of annotations. */
function recordingReads(tx: Prisma.TransactionClient, reads: Prisma.AnnotationFindManyArgs[]): Prisma.TransactionClient {
  const annotation = new Proxy(tx.annotation, {
    get: (target, property, receiver) =>
      property === "findMany"
        ? (args: Prisma.AnnotationFindManyArgs) => {
            reads.push(args);
            return target.findMany(args);
          }
        : Reflect.get(target, property, receiver),
  });
  return new Proxy(tx, { get: (target, property, receiver) => (property === "annotation" ? annotation : Reflect.get(target, property, receiver)) });
}

describe("re-anchoring a long discussion", () => {
  it("reads the roots in bounded batches and places every one of them, even when they share a timestamp", async () => {
    const content = parseArticleContent(slug, source);
    await saveArticleContent(testDb, content);
    const article = await testDb.article.findUniqueOrThrow({ where: { slug } });
    const versionId = article.currentVersionId!;
    const author = await createActor("many", { domain: "reanchor.test" });
    const text = buildCanonicalText(content.blocks).text;
    const quote = "5.4 billion people";
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const total = REANCHOR_BATCH_SIZE * 2 + 37;
    const lost = 11;
    const createdAt = new Date(Date.UTC(2026, 0, 1));
    await testDb.annotation.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        articleId: article.id,
        versionId,
        authorId: author.id,
        body: `Note ${index}`,
        createdAt,
        quoteExact: index < lost ? `words nowhere in the article ${index}` : quote,
        positionStart: start,
        positionEnd: start + quote.length,
      })),
    });

    const edited = parseArticleContent(slug, source.replace("Looking ahead", "Looking further ahead"));
    const version = await testDb.articleVersion.create({ data: { articleId: article.id, number: 2, blocks: edited.blocks, contentHash: "it-reanchor-2" } });
    const reads: Prisma.AnnotationFindManyArgs[] = [];
    const counts = await testDb.$transaction((tx) => reanchorArticle(recordingReads(tx, reads), article.id, { id: version.id, blocks: edited.blocks }), { timeout: 60_000 });

    expect(counts).toEqual({ anchored: total - lost, orphaned: lost });
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const read of reads) expect(read.take).toBeLessThanOrEqual(REANCHOR_BATCH_SIZE);
    expect(await testDb.annotationAnchor.count({ where: { versionId: version.id } })).toBe(total);
    expect(await testDb.annotationAnchor.count({ where: { versionId: version.id, start: null } })).toBe(lost);
  }, 60_000);
});
