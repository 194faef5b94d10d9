import "server-only";
import { articleBlocksSchema, type ArticleBlock } from "@/lib/articles/blocks";
import { getDb } from "@/lib/db";

/** One version of an article's body. */
export interface ArticleVersionBody {
  id: string;
  number: number;
  createdAt: Date;
  blocks: ArticleBlock[];
}

/** Versions recently read; each holds one article's body, so a few dozen is plenty. */
const REMEMBERED_VERSIONS = 64;
const remembered = new Map<string, ArticleVersionBody>();

/**
 * A version by id. Versions are immutable (an edit adds a new one), so each is
 * read and parsed once per process instead of on every page view and post:
 * the blocks are the largest value either reads. Only the version is kept;
 * anything that can change (which version is current) is read fresh by callers.
 */
export async function versionById(id: string): Promise<ArticleVersionBody | null> {
  const known = remembered.get(id);
  if (known) return known;
  const row = await getDb().articleVersion.findUnique({ where: { id }, select: { id: true, number: true, createdAt: true, blocks: true } });
  if (!row) return null;
  // Stored JSON is checked on the way out: a bad row fails loudly, not as a broken page.
  const version = { ...row, blocks: articleBlocksSchema.parse(row.blocks) };
  if (remembered.size >= REMEMBERED_VERSIONS) remembered.delete(remembered.keys().next().value!);
  remembered.set(id, version);
  return version;
}
