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

type ReadingVersion = ArticleForReading["version"];

/** Versions recently read; each holds one article's body, so a few dozen is plenty. */
const REMEMBERED_VERSIONS = 64;
const remembered = new Map<string, ReadingVersion>();

function remember(version: { id: string; number: number; createdAt: Date; blocks: unknown }): ReadingVersion {
  // Stored JSON is checked on the way out: a bad row fails loudly, not as a broken page.
  const parsed = { id: version.id, number: version.number, createdAt: version.createdAt, blocks: articleBlocksSchema.parse(version.blocks) };
  if (remembered.size >= REMEMBERED_VERSIONS) remembered.delete(remembered.keys().next().value!);
  remembered.set(version.id, parsed);
  return parsed;
}

const VERSION_FIELDS = { id: true, number: true, createdAt: true, blocks: true } as const;

/**
 * A version by id. Versions are immutable (an edit adds a new one), so the
 * body is read and parsed once per process instead of on every page view:
 * it is the largest value the article page reads.
 */
async function versionById(id: string): Promise<ReadingVersion | null> {
  const known = remembered.get(id);
  if (known) return known;
  const version = await getDb().articleVersion.findUnique({ where: { id }, select: VERSION_FIELDS });
  return version ? remember(version) : null;
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
  let version: ReadingVersion | null = current;
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
    publishedAt: article.publishedAt,
    version,
    currentVersionNumber: current.number,
    isCurrentVersion: version.id === current.id,
  };
});
