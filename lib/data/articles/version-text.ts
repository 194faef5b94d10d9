import "server-only";
import { buildCanonicalText, type CanonicalText } from "@/lib/articles/canonical-text";
import { versionById, type ArticleVersionBody } from "./version-by-id";

/** Built once per remembered version; goes when the version does. */
const texts = new WeakMap<ArticleVersionBody, CanonicalText>();

/**
 * The canonical text of an article version, which every new annotation is
 * checked against. The version comes from versionById's memory, so the text
 * is built once per process instead of once per post.
 */
export async function versionText(versionId: string): Promise<CanonicalText | null> {
  const version = await versionById(versionId);
  if (!version) return null;
  let text = texts.get(version);
  if (!text) texts.set(version, (text = buildCanonicalText(version.blocks)));
  return text;
}
