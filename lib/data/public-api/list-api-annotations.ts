import "server-only";
import { getDb } from "@/lib/db";
import { visibleAnnotationsWhere } from "@/lib/data/annotations/scope";
import { chronological, openAnnotationSelect, toOpenAnnotation } from "@/lib/data/open-data/open-annotation-select";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OpenAnnotation } from "@/lib/open-data/types";

export interface ApiAnnotationFilters {
  author?: string;
  tag?: string;
  stance?: "SUPPORTS" | "DISPUTES" | "CONTEXT";
  since?: string;
  limit: number;
  /** Continue after this (createdAt, id), from a verified cursor. */
  after?: { createdAt: Date; id: string };
}

/**
 * One page of an article's annotations and replies for the API, oldest
 * first. `readerId` is the caller allowed to see their own private items
 * (a token with read:private), or null for public ones only. Returns one item
 * more than asked when another page follows.
 */
export async function listApiAnnotations(readerId: string | null, articleId: string, filters: ApiAnnotationFilters): Promise<{ items: OpenAnnotation[]; hasMore: boolean }> {
  const and: Prisma.AnnotationWhereInput[] = [{ articleId, deletedAt: null }, visibleAnnotationsWhere(readerId)];
  if (filters.author) and.push({ author: { handle: filters.author } });
  if (filters.tag) and.push({ tags: { has: filters.tag } });
  if (filters.stance) and.push({ sources: { some: { stance: filters.stance } } });
  if (filters.since) and.push({ createdAt: { gte: new Date(filters.since) } });
  if (filters.after) {
    const { createdAt, id } = filters.after;
    and.push({ OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] });
  }
  const rows = await getDb().annotation.findMany({ where: { AND: and }, orderBy: chronological, take: filters.limit + 1, select: openAnnotationSelect });
  return { items: rows.slice(0, filters.limit).map(toOpenAnnotation), hasMore: rows.length > filters.limit };
}
