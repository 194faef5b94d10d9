import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The annotations a viewer may see: public ones that moderators have not
 * hidden or held for review, and all of their own (their own hidden ones are
 * shown marked, with the reason). Every read goes through this, so a private,
 * pending or hidden annotation never leaves the server for anyone else.
 */
export function visibleAnnotationsWhere(viewerId: string | null): Prisma.AnnotationWhereInput {
  const publicWhere: Prisma.AnnotationWhereInput = { visibility: "PUBLIC", moderationStatus: "VISIBLE" };
  return viewerId ? { OR: [publicWhere, { authorId: viewerId }] } : publicWhere;
}

/** What anyone, signed in or not, may see: the only scope for feeds, exports, the public API and share cards. */
export const publicAnnotationsWhere: Prisma.AnnotationWhereInput = { visibility: "PUBLIC", moderationStatus: "VISIBLE" };
