import type { Prisma } from "@/lib/generated/prisma/client";
import type { OpenAnnotation } from "@/lib/open-data/types";

/** The columns every open-data view of an annotation reads. */
export const openAnnotationSelect = {
  id: true,
  parentId: true,
  rootId: true,
  visibility: true,
  body: true,
  tags: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  createdAt: true,
  editedAt: true,
  article: { select: { slug: true, currentVersionId: true } },
  // One row per version it was placed in (a handful); the current version's is the one exported.
  anchors: { select: { versionId: true, start: true, end: true } },
  author: { select: { handle: true, name: true } },
  sources: { orderBy: { position: "asc" }, select: { url: true, title: true, stance: true } },
} satisfies Prisma.AnnotationSelect;

export type OpenAnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof openAnnotationSelect }>;

/**
 * Positions are where the passage is in the article's current text, the text
 * the API serves and the export's target names: after an edit, the re-anchored
 * place, not the offsets it was first made at. A passage the edit removed has
 * no position; its quote still says what it was.
 */
export function toOpenAnnotation(row: OpenAnnotationRow): OpenAnnotation {
  const isRoot = row.parentId === null;
  const current = row.anchors.find((anchor) => anchor.versionId === row.article.currentVersionId);
  return {
    id: row.id,
    articleSlug: row.article.slug,
    parentId: row.parentId,
    rootId: row.rootId,
    author: row.author,
    visibility: row.visibility,
    body: row.body,
    tags: row.tags,
    quote: isRoot && row.quoteExact !== null ? { exact: row.quoteExact, prefix: row.quotePrefix ?? "", suffix: row.quoteSuffix ?? "" } : null,
    position: isRoot && current?.start != null && current.end != null ? { start: current.start, end: current.end } : null,
    sources: row.sources,
    createdAt: row.createdAt,
    modifiedAt: row.editedAt ?? row.createdAt,
  };
}

/** Oldest first with the id as tie-break: a stable order that pages and cursors can rely on. */
export const chronological: Prisma.AnnotationOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
