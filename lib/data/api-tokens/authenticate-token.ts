import "server-only";
import { toViewer, type Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { findViewerUser } from "@/lib/data/users/viewer-user";
import { hashToken, TOKEN_PREFIX, type ApiScope } from "./token-secret";

/** lastUsedAt is written at most this often, so a busy client does not turn every read into a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface TokenActor {
  actor: Viewer;
  tokenId: string;
  scopes: ApiScope[];
}

/**
 * The person behind a bearer token, read fresh like a browser session:
 * a revoked or expired token, or one whose owner is gone, is no one.
 */
export async function authenticateApiToken(token: string): Promise<TokenActor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  const user = await findViewerUser(db, row.userId);
  if (!user) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { actor: toViewer(user, `token:${row.id}`), tokenId: row.id, scopes: row.scopes.filter((scope): scope is ApiScope => scope === "read:private" || scope === "write") };
}
