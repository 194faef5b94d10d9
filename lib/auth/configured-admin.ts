import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * Makes a user an admin when their address is one of ADMIN_EMAILS and they have
 * proved they own it. Anyone can sign up with an address (or bring it from a
 * provider that does not vouch for it); only its owner can verify it, so an
 * unverified account with an admin's address stays a reader.
 */
export async function applyConfiguredAdmin(userId: string): Promise<void> {
  const admins = getEnv().ADMIN_EMAILS;
  if (admins.length === 0) return;
  await getDb().user.updateMany({
    where: { id: userId, role: { not: "ADMIN" }, email: { in: admins }, emailVerifiedAt: { not: null }, isPlaceholder: false },
    data: { role: "ADMIN" },
  });
}
