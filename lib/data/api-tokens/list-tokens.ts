import "server-only";
import { getDb } from "@/lib/db";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The actor's live tokens, newest first; hashes never leave the server. */
export async function listApiTokens(actorId: string): Promise<ApiTokenSummary[]> {
  return getDb().apiToken.findMany({
    where: { userId: actorId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true },
  });
}
