import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Public and not hidden or held by moderators, in a thread whose root is not
 * either: moderating a thread's first annotation takes the whole thread out of
 * view, so its replies must not surface on their own in search, feeds, exports
 * or the API. (Replies share their root's visibility, so PUBLIC needs no check
 * on the root.)
 */
const publicWhere: Prisma.AnnotationWhereInput = {
  visibility: "PUBLIC",
  moderationStatus: "VISIBLE",
  OR: [{ rootId: null }, { root: { is: { moderationStatus: "VISIBLE" } } }],
};

/**
 * The annotations a viewer may see: public ones in threads moderators have not
 * hidden or held for review, and all of their own (their own hidden ones are
 * shown marked, with the reason). Every read goes through this, so a private,
 * pending or hidden annotation never leaves the server for anyone else.
 */
export function visibleAnnotationsWhere(viewerId: string | null): Prisma.AnnotationWhereInput {
  return viewerId ? { OR: [publicWhere, { authorId: viewerId }] } : publicWhere;
}

/** What anyone, signed in or not, may see: the only scope for feeds, exports, the public API and share cards. */
export const publicAnnotationsWhere: Prisma.AnnotationWhereInput = publicWhere;

/** The same rule in SQL, for queries written by hand; `a` is the annotation's alias. */
export const PUBLIC_THREAD_SQL = `(a.visibility = 'PUBLIC' AND a."moderationStatus" = 'VISIBLE'
  AND (a."rootId" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" r WHERE r.id = a."rootId" AND r."moderationStatus" = 'VISIBLE')))`;
