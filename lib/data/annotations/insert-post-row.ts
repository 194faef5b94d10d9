import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bodyKeyOf } from "@/lib/moderation/duplicate-body";
import type { SourceInput } from "@/lib/validation/annotations";
import type { PublishedRow } from "./publish-post";

/**
 * Inserts a new annotation or reply and its cited sources, in the caller's
 * transaction. Written flat rather than as one nested create: Prisma answers a
 * nested create with a third statement that reads the row back, which a post
 * does not need (one INSERT … RETURNING gives the columns publishing uses).
 * The body's key for the repeated-text check is stored with it.
 */
export async function insertPostRow(
  tx: Prisma.TransactionClient,
  data: Prisma.AnnotationUncheckedCreateInput,
  sources: SourceInput[],
): Promise<PublishedRow> {
  const row = await tx.annotation.create({
    data: { ...data, bodyKey: bodyKeyOf(data.body ?? null) },
    select: { id: true, authorId: true, parentId: true, rootId: true, body: true, visibility: true, moderationStatus: true, articleId: true },
  });
  if (sources.length > 0) await tx.annotationSource.createMany({ data: sources.map((source, position) => ({ ...source, position, annotationId: row.id })) });
  return row;
}
