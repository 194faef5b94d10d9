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
  const db = getDb();
  const live = await db.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
  if (live >= MAX_LIVE_TOKENS) return { ok: false, reason: "too-many" };
  const token = generateToken();
  await db.apiToken.create({
    data: { userId: actor.id, name: input.name, tokenHash: hashToken(token), prefix: visiblePrefix(token), scopes: [...new Set(input.scopes)] },
  });
  return { ok: true, token };
}
