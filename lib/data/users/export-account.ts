import "server-only";
import { getDb } from "@/lib/db";

/** Everything Gloss keeps about the actor, for download. Secrets (password hash, token hashes) are left out. */
export async function exportAccountData(actorId: string) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: actorId },
    select: {
      id: true,
      email: true,
      emailVerifiedAt: true,
      name: true,
      handle: true,
      role: true,
      createdAt: true,
      updatedAt: true,
      oauthAccounts: { select: { provider: true, createdAt: true } },
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, userAgent: true, ipAddress: true } },
      annotations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          article: { select: { slug: true, title: true } },
          parentId: true,
          visibility: true,
          body: true,
          tags: true,
          quoteExact: true,
          positionStart: true,
          positionEnd: true,
          createdAt: true,
          editedAt: true,
          deletedAt: true,
          sources: { select: { url: true, title: true, stance: true } },
          revisions: { select: { body: true, createdAt: true } },
        },
      },
      votes: { select: { annotationId: true, createdAt: true } },
      apiTokens: { select: { name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
    },
  });
  return { exportedAt: new Date().toISOString(), format: "gloss-account-export/1", user };
}
