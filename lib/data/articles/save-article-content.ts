import type { ArticleContent } from "@/lib/articles/content-file";
import { hashBlocks } from "@/lib/articles/canonical-text";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type SaveResult = "created" | "new-version" | "unchanged";

/**
 * Creates the article, or adds a version when its body changed. Versions are
 * never rewritten, so annotations made on an older one keep their text.
 * Safe to run repeatedly: an unchanged body writes nothing.
 */
export async function saveArticleContent(db: PrismaClient, content: ArticleContent): Promise<SaveResult> {
  const contentHash = hashBlocks(content.blocks);
  const metadata = {
    title: content.title,
    author: content.author,
    authorBio: content.authorBio,
    source: content.source,
    summary: content.summary,
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
    return existing ? "new-version" : "created";
  });
}
