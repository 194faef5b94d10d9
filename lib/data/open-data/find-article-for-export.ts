import "server-only";
import { getDb } from "@/lib/db";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A published article by slug (articles are public), or null for anything malformed or unknown. */
export async function findArticleForExport(slug: string): Promise<{ id: string; slug: string; title: string; summary: string; currentVersionId: string } | null> {
  if (!SLUG.test(slug) || slug.length > 200) return null;
  const article = await getDb().article.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, summary: true, currentVersionId: true } });
  return article?.currentVersionId ? { ...article, currentVersionId: article.currentVersionId } : null;
}
