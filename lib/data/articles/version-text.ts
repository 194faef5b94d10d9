import "server-only";
import { articleBlocksSchema } from "@/lib/articles/blocks";
import { buildCanonicalText, type CanonicalText } from "@/lib/articles/canonical-text";
import { getDb } from "@/lib/db";

/** Versions recently annotated; each holds one article's text, so a few dozen is plenty. */
const REMEMBERED_VERSIONS = 64;
const remembered = new Map<string, CanonicalText>();

/**
 * The canonical text of an article version, which every new annotation is
 * checked against. Versions are immutable (an edit adds a new one), so the
 * text is read and parsed once per process instead of once per post: the
 * blocks are the largest value on the posting path. Only the text is kept;
 * anything that can change (is it current, pre-moderation) is read fresh.
 */
export async function versionText(versionId: string): Promise<CanonicalText | null> {
  const known = remembered.get(versionId);
  if (known) return known;
  const version = await getDb().articleVersion.findUnique({ where: { id: versionId }, select: { blocks: true } });
  if (!version) return null;
  const canonical = buildCanonicalText(articleBlocksSchema.parse(version.blocks));
  if (remembered.size >= REMEMBERED_VERSIONS) remembered.delete(remembered.keys().next().value!);
  remembered.set(versionId, canonical);
  return canonical;
}
