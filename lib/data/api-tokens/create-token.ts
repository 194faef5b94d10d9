import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { generateToken, hashToken, visiblePrefix, type ApiScope } from "./token-secret";

/** A person may hold this many live tokens: enough for several tools, not a token per request. */
export const MAX_LIVE_TOKENS = 20;

/**
 * Creates a personal access token for the actor. The token itself is
 * returned once, to show once; only its hash is kept.
 */
export async function createApiToken(actor: Viewer, input: { name: string; scopes: ApiScope[] }): Promise<{ ok: true; token: string } | { ok: false; reason: "too-many" }> {
  const token = generateToken();
  return getDb().$transaction(async (tx) => {
    // The user's row is locked while counting, so requests sent together cannot each find room for one more.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${actor.id} FOR NO KEY UPDATE`;
    const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_LIVE_TOKENS) return { ok: false as const, reason: "too-many" as const };
    await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hashToken(token), prefix: visiblePrefix(token), scopes: [...new Set(input.scopes)] },
    });
    return { ok: true as const, token };
  });
}
