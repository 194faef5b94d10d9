import "server-only";
import { cache } from "react";
import { articleBlocksSchema, type ArticleBlock } from "@/lib/articles/blocks";
import { getDb } from "@/lib/db";

export interface ArticleForReading {
  id: string;
  slug: string;
  title: string;
  author: string;
  authorBio: string | null;
  source: string | null;
  summary: string;
  publishedAt: Date;
  version: { id: string; number: number; createdAt: Date; blocks: ArticleBlock[] };
}

/**
 * The article with its current version, or null for an unknown slug.
 * Cached per request so metadata and the page share one query.
 */
export const getArticleBySlug = cache(async (slug: string): Promise<ArticleForReading | null> => {
  const article = await getDb().article.findUnique({
    where: { slug },
    include: { currentVersion: true },
  });
  if (!article?.currentVersion) return null;
  const { currentVersion: version } = article;
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    author: article.author,
    authorBio: article.authorBio,
    source: article.source,
    summary: article.summary,
    publishedAt: article.publishedAt,
    version: {
      id: version.id,
      number: version.number,
      createdAt: version.createdAt,
      // Stored JSON is checked on the way out: a bad row fails loudly, not as a broken page.
      blocks: articleBlocksSchema.parse(version.blocks),
    },
  };
});
