import "server-only";
import { getDb } from "@/lib/db";
import { visibleAnnotationsWhere } from "@/lib/data/annotations/scope";
import { openAnnotationSelect, toOpenAnnotation } from "@/lib/data/open-data/open-annotation-select";
import type { OpenAnnotation } from "@/lib/open-data/types";

/** One annotation the reader may see (public, or their own with read:private), or null: the API answers 404 either way. */
export async function getApiAnnotation(readerId: string | null, id: string): Promise<OpenAnnotation | null> {
  const row = await getDb().annotation.findFirst({ where: { id, deletedAt: null, ...visibleAnnotationsWhere(readerId) }, select: openAnnotationSelect });
  return row ? toOpenAnnotation(row) : null;
}
