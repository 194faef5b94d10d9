import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PlacedHighlight } from "@/lib/highlights/segments";
import type { DiscussionFilters } from "@/lib/validation/discussion-filters";
import { filterRootsSql } from "./filter-roots";

/**
 * The threads (roots) of an article the viewer may see, in SQL: the same rule
 * as visibleAnnotationsWhere, and a deleted root only as the head of a thread
 * that has replies. `a` is the Annotation row.
 */
function visibleRootsSql(viewerId: string | null, articleId: string, filters: DiscussionFilters = {}): Prisma.Sql {
  return Prisma.sql`a."articleId" = ${articleId}
       AND a."rootId" IS NULL
       AND ((a.visibility = 'PUBLIC' AND a."moderationStatus" = 'VISIBLE') OR a."authorId" = ${viewerId})
       AND (a."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" r WHERE r."rootId" = a.id))${filterRootsSql(filters, viewerId)}`;
}

/**
 * Where every thread the viewer may see sits in one version, and whether it
 * is theirs: four small columns per thread, straight from the anchors table,
 * so the page can shade highlight density for tens of thousands of
 * annotations without loading a single body.
 */
export async function listPlacedHighlights(viewer: Viewer | null, articleId: string, versionId: string, filters: DiscussionFilters = {}): Promise<PlacedHighlight[]> {
  const viewerId = viewer?.id ?? null;
  // One text value instead of a row per highlight: with 100,000 highlights,
  // turning rows into objects costs far more than the query itself.
  const [row] = await getDb().$queryRaw<Array<{ packed: string | null }>>`
    SELECT string_agg(a.id || ',' || an.start || ',' || an."end" || ',' || (CASE WHEN a."authorId" = ${viewerId} THEN '1' ELSE '0' END), ';') AS packed
      FROM "AnnotationAnchor" an
      JOIN "Annotation" a ON a.id = an."annotationId"
     WHERE an."versionId" = ${versionId} AND an.start IS NOT NULL AND ${visibleRootsSql(viewerId, articleId, filters)}`;
  if (!row?.packed) return [];
  return row.packed.split(";").map((entry) => {
    const [id, start, end, own] = entry.split(",");
    return { id: id!, start: Number(start), end: Number(end), isOwn: own === "1" };
  });
}

/** The first `limit` threads in article order: the (versionId, start) index walked in order, stopping early. */
export async function listThreadIdsByPosition(viewer: Viewer | null, articleId: string, versionId: string, limit: number, filters: DiscussionFilters = {}): Promise<string[]> {
  const rows = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT a.id
      FROM "AnnotationAnchor" an
      JOIN "Annotation" a ON a.id = an."annotationId"
     WHERE an."versionId" = ${versionId} AND an.start IS NOT NULL AND ${visibleRootsSql(viewer?.id ?? null, articleId, filters)}
     ORDER BY an.start, an."end", a.id
     LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * Threads orphaned in this version: re-anchoring stores an anchor with no
 * position for them, so they come from the same index as the placed ones.
 * The oldest `limit` of them, and how many there are in all.
 */
export async function listOrphanedThreadIds(
  viewer: Viewer | null,
  articleId: string,
  versionId: string,
  limit: number,
  filters: DiscussionFilters = {},
): Promise<{ ids: string[]; total: number }> {
  const rows = await getDb().$queryRaw<Array<{ id: string; total: bigint }>>`
    SELECT a.id, count(*) OVER () AS total
      FROM "AnnotationAnchor" an
      JOIN "Annotation" a ON a.id = an."annotationId"
     WHERE an."versionId" = ${versionId} AND an.start IS NULL AND ${visibleRootsSql(viewer?.id ?? null, articleId, filters)}
     ORDER BY a."createdAt", a.id
     LIMIT ${limit}`;
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.total ?? 0) };
}
