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
  positionStart: true,
  positionEnd: true,
  createdAt: true,
  editedAt: true,
  article: { select: { slug: true } },
  author: { select: { handle: true, name: true } },
  sources: { orderBy: { position: "asc" }, select: { url: true, title: true, stance: true } },
} satisfies Prisma.AnnotationSelect;

export type OpenAnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof openAnnotationSelect }>;

export function toOpenAnnotation(row: OpenAnnotationRow): OpenAnnotation {
  const isRoot = row.parentId === null;
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
    position: isRoot && row.positionStart !== null && row.positionEnd !== null ? { start: row.positionStart, end: row.positionEnd } : null,
    sources: row.sources,
    createdAt: row.createdAt,
    modifiedAt: row.editedAt ?? row.createdAt,
  };
}

/** Oldest first with the id as tie-break: a stable order that pages and cursors can rely on. */
export const chronological: Prisma.AnnotationOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
