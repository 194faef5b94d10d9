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
 * anything the viewer may not see (a private annotation of someone else, or
 * one moderators hid or hold, or a reply in such a thread, unless it is the
 * viewer's own), so all of them answer with the same 404.
 */
export async function findPermalinkTarget(viewer: Viewer | null, id: string): Promise<PermalinkTarget | null> {
  const db = getDb();
  const row = await db.annotation.findFirst({
    where: { id, ...visibleAnnotationsWhere(viewer?.id ?? null) },
    select: {
      id: true,
      rootId: true,
      deletedAt: true,
      body: true,
      quoteExact: true,
      updatedAt: true,
      moderationRevision: true,
      article: { select: { slug: true } },
      author: { select: { handle: true } },
    },
  });
  if (!row) return null;
  const root = row.rootId ? await db.annotation.findUnique({ where: { id: row.rootId }, select: { quoteExact: true } }) : row;
  return {
    id: row.id,
    rootId: row.rootId ?? row.id,
    slug: row.article.slug,
    isDeleted: row.deletedAt !== null,
    quote: root?.quoteExact ?? "",
    body: row.deletedAt ? null : row.body,
    authorHandle: row.author?.handle ?? null,
    revision: `${row.updatedAt.getTime().toString(36)}.${row.moderationRevision}`,
  };
}
