import "server-only";
import { getDb } from "@/lib/db";
import { publicAnnotationsWhere } from "@/lib/data/annotations/scope";
import type { OpenAnnotation } from "@/lib/open-data/types";
import { openAnnotationSelect, toOpenAnnotation } from "./open-annotation-select";

/** The newest public annotations and replies of an article, for its Atom feed. */
export async function listFeedAnnotations(articleId: string, limit = 50): Promise<OpenAnnotation[]> {
  const rows = await getDb().annotation.findMany({
    where: { articleId, deletedAt: null, body: { not: null }, ...publicAnnotationsWhere },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: openAnnotationSelect,
  });
  return rows.map(toOpenAnnotation);
}
