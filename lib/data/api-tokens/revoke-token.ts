import "server-only";
import { getDb } from "@/lib/db";

/** Revokes one of the actor's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(actorId: string, tokenId: string): Promise<boolean> {
  const { count } = await getDb().apiToken.updateMany({ where: { id: tokenId, userId: actorId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}
