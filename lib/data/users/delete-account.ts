import "server-only";
import { getDb } from "@/lib/db";

/**
 * Removes the user. Sessions, linked identities, email links and votes go with
 * the row (cascades). Private annotations and highlights are deleted. Public
 * ones stay in their threads as by "deleted user" (the author link is set to
 * null), unless the user asks for them to go too: then those without replies
 * are deleted and those with replies become "[deleted]" placeholders, so other
 * people's replies keep their context.
 */
export async function deleteUserAccount(userId: string, options: { deletePublicAnnotations: boolean }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    // Votes go with the account (cascade); the counts they made must go with them.
    await tx.$executeRaw`
      UPDATE "Annotation" a SET "helpfulCount" = GREATEST(a."helpfulCount" - 1, 0)
        FROM "AnnotationVote" v WHERE v."annotationId" = a.id AND v."userId" = ${userId}`;
    await tx.annotation.deleteMany({ where: { authorId: userId, visibility: "PRIVATE" } });
    if (options.deletePublicAnnotations) {
      await tx.annotation.deleteMany({ where: { authorId: userId, replies: { none: {} } } });
      await tx.annotation.updateMany({
        where: { authorId: userId },
        data: { deletedAt: new Date(), body: null, bodyKey: null, tags: [] },
      });
      await tx.annotationSource.deleteMany({ where: { annotation: { authorId: userId } } });
    }
    await tx.user.delete({ where: { id: userId } });
  });
}
