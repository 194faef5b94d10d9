import "server-only";
import { getDb } from "@/lib/db";
import type { OpenAnnotation } from "@/lib/open-data/types";
import { chronological, openAnnotationSelect, toOpenAnnotation } from "./open-annotation-select";

/** Everything the actor wrote that still exists, private highlights included, for their own export. */
export async function listOwnAnnotations(actorId: string): Promise<OpenAnnotation[]> {
  const rows = await getDb().annotation.findMany({
    where: { authorId: actorId, deletedAt: null },
    orderBy: chronological,
    select: openAnnotationSelect,
  });
  return rows.map(toOpenAnnotation);
}
