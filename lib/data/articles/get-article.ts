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
  /** Number of the current version; `version` may be an older one. */
  currentVersionNumber: number;
  isCurrentVersion: boolean;
}

/**
 * The article with its current version (or the numbered older one), or null
 * for an unknown slug or version. Cached per request so metadata and the page
 * share one query.
 */
export const getArticleBySlug = cache(async (slug: string, versionNumber?: number): Promise<ArticleForReading | null> => {
  const article = await getDb().article.findUnique({
    where: { slug },
    include: { currentVersion: true },
  });
  if (!article?.currentVersion) return null;
  const version =
    versionNumber === undefined || versionNumber === article.currentVersion.number
      ? article.currentVersion
      : await getDb().articleVersion.findUnique({ where: { articleId_number: { articleId: article.id, number: versionNumber } } });
  if (!version) return null;
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
    currentVersionNumber: article.currentVersion.number,
    isCurrentVersion: version.id === article.currentVersion.id,
  };
});
