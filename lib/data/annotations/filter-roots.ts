import { Prisma } from "@/lib/generated/prisma/client";
import type { DiscussionFilters } from "@/lib/validation/discussion-filters";

/**
 * The filters as a condition on a thread's root, in SQL (`a` is the root).
 * It only narrows what visibleRootsSql already allows: "mine" and a private
 * filter can only ever match the viewer's own threads.
 */
export function filterRootsSql(filters: DiscussionFilters, viewerId: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.author) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "User" u WHERE u.id = a."authorId" AND u.handle = ${filters.author})`);
  if (filters.tag) parts.push(Prisma.sql`${filters.tag} = ANY(a.tags)`);
  if (filters.stance) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "AnnotationSource" s WHERE s."annotationId" = a.id AND s.stance = ${filters.stance}::"Stance")`);
  if (filters.mine) parts.push(Prisma.sql`a."authorId" = ${viewerId}`);
  if (filters.visibility) parts.push(Prisma.sql`a.visibility = ${filters.visibility}::"Visibility"`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** The same filters as a Prisma condition, for the reads that do not go through SQL. */
export function filterRootsWhere(filters: DiscussionFilters, viewerId: string | null): Prisma.AnnotationWhereInput[] {
  const where: Prisma.AnnotationWhereInput[] = [];
  if (filters.author) where.push({ author: { handle: filters.author } });
  if (filters.tag) where.push({ tags: { has: filters.tag } });
  if (filters.stance) where.push({ sources: { some: { stance: filters.stance } } });
  // A signed-out viewer has no threads of their own: match nothing.
  if (filters.mine) where.push({ authorId: viewerId ?? "\u0000" });
  if (filters.visibility) where.push({ visibility: filters.visibility });
  return where;
}
