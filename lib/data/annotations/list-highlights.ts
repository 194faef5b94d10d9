import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { PlacedHighlight } from "@/lib/highlights/segments";

/**
 * Where every thread the viewer may see sits in one version, and whether it
 * is theirs: four small columns per thread, straight from the anchors table,
 * so the page can shade highlight density for tens of thousands of
 * annotations without loading a single body. The same visibility rule as
 * visibleAnnotationsWhere, in SQL.
 */
export async function listPlacedHighlights(viewer: Viewer | null, articleId: string, versionId: string): Promise<PlacedHighlight[]> {
  const viewerId = viewer?.id ?? null;
  const rows = await getDb().$queryRaw<Array<{ id: string; start: number; end: number; own: boolean }>>`
    SELECT a.id, an.start, an."end", COALESCE(a."authorId" = ${viewerId}, false) AS own
      FROM "AnnotationAnchor" an
      JOIN "Annotation" a ON a.id = an."annotationId"
     WHERE an."versionId" = ${versionId}
       AND an.start IS NOT NULL
       AND a."articleId" = ${articleId}
       AND a."rootId" IS NULL
       AND ((a.visibility = 'PUBLIC' AND a."moderationStatus" = 'VISIBLE') OR a."authorId" = ${viewerId})
       AND (a."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" r WHERE r."rootId" = a.id))
     ORDER BY an.start, an."end", a.id`;
  return rows.map((row) => ({ id: row.id, start: row.start, end: row.end, isOwn: row.own }));
}
