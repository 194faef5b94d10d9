import type { ArticleContent } from "@/lib/articles/content-file";
import { hashBlocks } from "@/lib/articles/canonical-text";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reanchorArticle } from "@/lib/data/annotations/reanchor";

/** Re-anchoring thousands of annotations takes longer than Prisma's default 5 s transaction. */
const REANCHOR_TIMEOUT_MS = 60_000;

export type SaveResult = "created" | "new-version" | "unchanged";

/**
 * Creates the article, or adds a version when its body changed. Versions are
 * never rewritten, so annotations made on an older one keep their text.
 * Every annotation is re-anchored against a new version in the same
 * transaction. Safe to run repeatedly: an unchanged body writes nothing.
 */
export async function saveArticleContent(db: PrismaClient, content: ArticleContent): Promise<SaveResult> {
  const contentHash = hashBlocks(content.blocks);
  const metadata = {
    title: content.title,
    author: content.author,
    authorBio: content.authorBio,
    source: content.source,
    summary: content.summary,
    language: content.language,
    publishedAt: content.publishedAt,
  };
  return db.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({
      where: { slug: content.slug },
      include: { currentVersion: { select: { contentHash: true } } },
    });
    const article = existing
      ? await tx.article.update({ where: { id: existing.id }, data: metadata })
      : await tx.article.create({ data: { slug: content.slug, ...metadata } });
    if (existing?.currentVersion?.contentHash === contentHash) return "unchanged";

    const latest = await tx.articleVersion.findFirst({
      where: { articleId: article.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const version = await tx.articleVersion.create({
      data: { articleId: article.id, number: (latest?.number ?? 0) + 1, blocks: content.blocks, contentHash },
    });
    await tx.article.update({ where: { id: article.id }, data: { currentVersionId: version.id } });
    await reanchorArticle(tx, article.id, { id: version.id, blocks: content.blocks });
    return existing ? "new-version" : "created";
  }, { timeout: REANCHOR_TIMEOUT_MS });
}
