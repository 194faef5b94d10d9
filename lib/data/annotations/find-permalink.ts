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
  /** Hidden or held by moderators, and the viewer is not its author: none of its content may be shown. */
  isRemoved: boolean;
  /** The passage the thread quotes, as it was written; empty when removed. */
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
    // Public annotations moderators removed still resolve, so the link can say what happened instead of a bare 404.
    where: { id, OR: [visibleAnnotationsWhere(viewer?.id ?? null), { visibility: "PUBLIC" }] },
    select: {
      id: true,
      rootId: true,
      authorId: true,
      deletedAt: true,
      body: true,
      quoteExact: true,
      updatedAt: true,
      moderationStatus: true,
      moderationRevision: true,
      article: { select: { slug: true } },
      author: { select: { handle: true } },
    },
  });
  if (!row) return null;
  const isRemoved = row.moderationStatus !== "VISIBLE" && (viewer === null || row.authorId !== viewer.id);
  if (isRemoved) {
    return { id: row.id, rootId: row.rootId ?? row.id, slug: row.article.slug, isDeleted: false, isRemoved, quote: "", body: null, authorHandle: null, revision: `${row.updatedAt.getTime().toString(36)}.${row.moderationRevision}` };
  }
  const rootQuote = row.rootId ? (await db.annotation.findUnique({ where: { id: row.rootId }, select: { quoteExact: true } }))?.quoteExact : row.quoteExact;
  return {
    id: row.id,
    rootId: row.rootId ?? row.id,
    slug: row.article.slug,
    isDeleted: row.deletedAt !== null,
    isRemoved,
    quote: rootQuote ?? "",
    body: row.deletedAt ? null : row.body,
    authorHandle: row.author?.handle ?? null,
    revision: `${row.updatedAt.getTime().toString(36)}.${row.moderationRevision}`,
  };
}
