import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeRoleAsOperator } from "./operator-role-change";
export type PromoteOutcome = "changed" | "missing" | "lastAdmin";

/**
 * The command line's role change (`npm run user -- promote`), run by whoever
 * operates the site, and written to the audit log. It never leaves the site
 * without an admin: demoting the only one is refused until another is
 * promoted. Run it in a transaction; the advisory lock makes two concurrent
 * demotions take turns, so neither sees the other admin still there.
 */
export async function promoteByEmail(tx: Prisma.TransactionClient, email: string, role: Role): Promise<PromoteOutcome> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gloss:admin-roles'))`;
  const user = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, handle: true, role: true } });
  if (!user) return "missing";
  if (user.role === "ADMIN" && role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) return "lastAdmin";
  if (user.role !== role) await changeRoleAsOperator(tx, user, user.role, role, "command line");
  return "changed";
}
