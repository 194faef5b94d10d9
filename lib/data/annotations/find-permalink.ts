import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { visibleAnnotationsWhere } from "./scope";

/** What a permalink resolves to, for a viewer allowed to see it. */
export interface PermalinkTarget {
  id: string;
  rootId: string;
  slug: string;
  isDeleted: boolean;
  /** The passage the thread quotes, as it was written. */
  quote: string;
  /** Plain Markdown of the annotation; null when deleted or a bare highlight. */
  body: string | null;
  authorHandle: string | null;
  /** Changes whenever the annotation does (edit, deletion, moderation), to stamp its share card's address. */
  revision: string;
}

/**
 * Resolves an annotation or reply id. Null for an unknown id and for
 * anything the viewer may not see (a private annotation of someone else), so
 * both answer with the same 404.
 */
export async function findPermalinkTarget(viewer: Viewer | null, id: string): Promise<PermalinkTarget | null> {
  const db = getDb();
  const row = await db.annotation.findFirst({
    where: { id, ...visibleAnnotationsWhere(viewer?.id ?? null) },
    select: { id: true, rootId: true, deletedAt: true, body: true, quoteExact: true, updatedAt: true, article: { select: { slug: true } }, author: { select: { handle: true } } },
  });
  if (!row) return null;
  const rootQuote = row.rootId ? (await db.annotation.findUnique({ where: { id: row.rootId }, select: { quoteExact: true } }))?.quoteExact : row.quoteExact;
  return {
    id: row.id,
    rootId: row.rootId ?? row.id,
    slug: row.article.slug,
    isDeleted: row.deletedAt !== null,
    quote: rootQuote ?? "",
    body: row.deletedAt ? null : row.body,
    authorHandle: row.author?.handle ?? null,
    revision: row.updatedAt.getTime().toString(36),
  };
}
