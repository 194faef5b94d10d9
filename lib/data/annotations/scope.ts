import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The annotations a viewer may see: public ones, and their own private ones.
 * Every read goes through this, so a private annotation never leaves the
 * server for anyone but its author.
 */
export function visibleAnnotationsWhere(viewerId: string | null): Prisma.AnnotationWhereInput {
  return viewerId ? { OR: [{ visibility: "PUBLIC" }, { authorId: viewerId }] } : { visibility: "PUBLIC" };
}
