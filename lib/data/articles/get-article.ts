import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { versionById, type ArticleVersionBody } from "./version-by-id";

export interface ArticleForReading {
  id: string;
  slug: string;
  title: string;
  author: string;
  authorBio: string | null;
  source: string | null;
  summary: string;
  /** BCP 47: what the title, body and quotes are marked up with. */
  language: string;
  publishedAt: Date;
  version: ArticleVersionBody;
  /** Number of the current version; `version` may be an older one. */
  currentVersionNumber: number;
  isCurrentVersion: boolean;
}

/**
 * The article with its current version (or the numbered older one), or null
 * for an unknown slug or version. Cached per request so metadata and the page
 * share one query. The article row is read fresh every time: which version is
 * current can change.
 */
export const getArticleBySlug = cache(async (slug: string, versionNumber?: number): Promise<ArticleForReading | null> => {
  const article = await getDb().article.findUnique({ where: { slug } });
  if (!article?.currentVersionId) return null;
  const current = await versionById(article.currentVersionId);
  if (!current) return null;
  let version: ArticleVersionBody | null = current;
  if (versionNumber !== undefined && versionNumber !== current.number) {
    const older = await getDb().articleVersion.findUnique({ where: { articleId_number: { articleId: article.id, number: versionNumber } }, select: { id: true } });
    version = older ? await versionById(older.id) : null;
  }
  if (!version) return null;
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    author: article.author,
    authorBio: article.authorBio,
    source: article.source,
    summary: article.summary,
    language: article.language,
    publishedAt: article.publishedAt,
    version,
    currentVersionNumber: current.number,
    isCurrentVersion: version.id === current.id,
  };
});
