import { recordModeration } from "@/lib/data/moderation/audit-log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** How a role changed without an admin acting on the page: the command line, or the ADMIN_EMAILS setting. */
export type OperatorSource = "command line" | "ADMIN_EMAILS";

/**
 * Changes a role on the site operator's behalf and writes it to the audit log
 * in the same transaction, with no actor (no account did it) and the source in
 * its "after" state, so the log shows how every admin came to be one. The
 * revision moves as it does for a change on the admin page. Not server-only:
 * the command line runs it. False when the role was not `from` any more.
 */
export async function changeRoleAsOperator(tx: Prisma.TransactionClient, user: { id: string; handle: string }, from: Role, to: Role, source: OperatorSource): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: user.id, role: from }, data: { role: to, moderationRevision: { increment: 1 } } });
  if (count === 0) return false;
  await recordModeration(tx, { actor: null, action: "role_change", target: user, before: { role: from }, after: { role: to, source } });
  return true;
}
