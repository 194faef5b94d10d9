import type { ArticleContent } from "@/lib/articles/content-file";
import { hashBlocks } from "@/lib/articles/canonical-text";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/data/unique-violation";

/** The article's fields other than its body, as stored on the Article row. */
export function articleMetadata(content: ArticleContent) {
  return {
    title: content.title,
    author: content.author,
    authorBio: content.authorBio,
    source: content.source,
    summary: content.summary,
    language: content.language,
    publishedAt: content.publishedAt,
  };
}

/**
 * Inserts a new article with its first version. A slug already taken fails on
 * the unique index (P2002), also when another transaction inserted it first
 * and committed while this one waited.
 */
export async function insertArticle(tx: Prisma.TransactionClient, content: ArticleContent): Promise<{ id: string; versionId: string }> {
  const article = await tx.article.create({ data: { slug: content.slug, ...articleMetadata(content) }, select: { id: true } });
  const version = await tx.articleVersion.create({
    data: { articleId: article.id, number: 1, blocks: content.blocks, contentHash: hashBlocks(content.blocks) },
    select: { id: true },
  });
  await tx.article.update({ where: { id: article.id }, data: { currentVersionId: version.id } });
  return { id: article.id, versionId: version.id };
}

/**
 * Loads a shipped article when it is not there yet, and leaves an existing
 * one alone: an admin may have edited it since, and the file in content/
 * must never overwrite their version. Several instances starting together on
 * an empty database all get "created" or "exists", never an error.
 */
export async function createArticleIfMissing(db: PrismaClient, content: ArticleContent): Promise<"created" | "exists"> {
  if (await db.article.findUnique({ where: { slug: content.slug }, select: { id: true } })) return "exists";
  try {
    await db.$transaction((tx) => insertArticle(tx, content));
    return "created";
  } catch (error) {
    if (isUniqueViolation(error)) return "exists";
    throw error;
  }
}
