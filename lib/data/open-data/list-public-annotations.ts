import "server-only";
import { getDb } from "@/lib/db";
import { publicAnnotationsWhere } from "@/lib/data/annotations/scope";
import type { OpenAnnotation } from "@/lib/open-data/types";
import { chronological, openAnnotationSelect, toOpenAnnotation } from "./open-annotation-select";

/**
 * One page of an article's public annotations and replies, oldest first, for
 * the exports. Only what anyone may see: public, not held or hidden by
 * moderators, not deleted. Nobody needs to be signed in, so no actor is taken.
 */
export async function listPublicAnnotations(articleId: string, page: { skip: number; take: number }): Promise<{ total: number; items: OpenAnnotation[] }> {
  const where = { articleId, deletedAt: null, ...publicAnnotationsWhere };
  const [total, rows] = await Promise.all([
    getDb().annotation.count({ where }),
    getDb().annotation.findMany({ where, orderBy: chronological, skip: page.skip, take: page.take, select: openAnnotationSelect }),
  ]);
  return { total, items: rows.map(toOpenAnnotation) };
}
