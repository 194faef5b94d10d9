import "server-only";
import { getDb } from "@/lib/db";
import { changeRoleAsOperator } from "@/lib/data/users/operator-role-change";
import { getEnv } from "@/lib/env";

/**
 * Makes a user an admin when their address is one of ADMIN_EMAILS and they have
 * proved they own it. Anyone can sign up with an address (or bring it from a
 * provider that does not vouch for it); only its owner can verify it, so an
 * unverified account with an admin's address stays a reader. The promotion is
 * written to the audit log.
 */
export async function applyConfiguredAdmin(userId: string): Promise<void> {
  const admins = getEnv().ADMIN_EMAILS;
  if (admins.length === 0) return;
  // Read first, outside a transaction: nearly every sign-in is not a listed address, or is already an admin.
  const user = await getDb().user.findFirst({
    where: { id: userId, role: { not: "ADMIN" }, email: { in: admins }, emailVerifiedAt: { not: null }, isPlaceholder: false },
    select: { id: true, handle: true, role: true },
  });
  if (!user) return;
  await getDb().$transaction((tx) => changeRoleAsOperator(tx, user, user.role, "ADMIN", "ADMIN_EMAILS"));
}
