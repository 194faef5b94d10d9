import "server-only";
import type { Account, Profile, User } from "next-auth";
import { getDb } from "@/lib/db";
import { createUser, findFreeHandle } from "@/lib/data/users/create-user";
import { applyConfiguredAdmin } from "./configured-admin";
import { decideOAuthSignIn, handleFromProfile } from "./oauth-decision";

function providerSaysVerified(provider: string, profile: Profile | undefined): boolean {
  // Google states it; GitHub's profile does not, so a GitHub email is never trusted for linking.
  return provider === "google" && (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
}

/**
 * Finds or creates the Gloss user behind a GitHub or Google sign-in.
 * Returns the user id, or a sign-in page URL carrying the reason for refusing.
 */
export async function resolveOAuthUser(user: User, account: Account, profile: Profile | undefined): Promise<string | { refuse: string }> {
  const resolved = await findOrCreateOAuthUser(user, account, profile);
  if (typeof resolved === "string") await applyConfiguredAdmin(resolved);
  return resolved;
}

async function findOrCreateOAuthUser(user: User, account: Account, profile: Profile | undefined): Promise<string | { refuse: string }> {
  const db = getDb();
  const email = user.email?.trim().toLowerCase() ?? null;
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  const existing = email ? await db.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true, isPlaceholder: true } }) : null;
  // Placeholder authors of imported annotations are nobody's account: no provider may sign into or link to one.
  if (existing?.isPlaceholder) return { refuse: "OAuthAccountNotLinked" };
  const isProviderEmailVerified = providerSaysVerified(account.provider, profile);
  const decision = decideOAuthSignIn({
    linkedUserId: linked?.userId ?? null,
    email,
    isProviderEmailVerified,
    existingUser: existing ? { id: existing.id, isEmailVerified: existing.emailVerifiedAt !== null } : null,
  });

  switch (decision.action) {
    case "sign-in":
      return decision.userId;
    case "refuse":
      return { refuse: decision.reason === "no-email" ? "OAuthNoEmail" : "OAuthAccountNotLinked" };
    case "link":
      await db.oAuthAccount.create({
        data: { userId: decision.userId, provider: account.provider, providerAccountId: account.providerAccountId },
      });
      return decision.userId;
    case "create": {
      const login = (profile as { login?: string } | undefined)?.login;
      const handle = await findFreeHandle(handleFromProfile(login, email!));
      const created = await createUser({
        email: email!,
        name: user.name?.trim() || handle,
        handle,
        passwordHash: null,
        emailVerifiedAt: isProviderEmailVerified ? new Date() : null,
      });
      if (!created.ok) return { refuse: "OAuthAccountNotLinked" };
      await db.oAuthAccount.create({
        data: { userId: created.userId, provider: account.provider, providerAccountId: account.providerAccountId },
      });
      return created.userId;
    }
  }
}
