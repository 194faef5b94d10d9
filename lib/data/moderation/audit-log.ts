// Not server-only: it writes through the caller's transaction, and the command line records role changes with it.
import type { Prisma } from "@/lib/generated/prisma/client";

export type Transaction = Prisma.TransactionClient;

export const logActions = [
  "flag",
  "auto_flag",
  "auto_hide",
  "approve",
  "hide",
  "restore",
  "lock",
  "unlock",
  "delete",
  "suspend",
  "lift_suspension",
  "mark_spammer",
  "unmark_spammer",
  "pre_moderation_on",
  "pre_moderation_off",
  "role_change",
  "article_create",
  "article_edit",
  "import",
] as const;
export type LogAction = (typeof logActions)[number];

export interface LogEntryInput {
  /** Null when the system acted by itself (automatic measures). */
  actor: { id: string; handle: string } | null;
  action: LogAction;
  annotationId?: string | null;
  target?: { id: string; handle: string } | null;
  reason?: string | null;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
}

/** One entry per annotation an account-wide action changed, so each post's own history shows it. */
export async function recordModerationPerAnnotation(tx: Transaction, entry: Omit<LogEntryInput, "annotationId">, annotationIds: readonly string[]): Promise<void> {
  if (annotationIds.length === 0) return;
  await tx.moderationLogEntry.createMany({
    data: annotationIds.map((annotationId) => ({
      actorId: entry.actor?.id ?? null,
      actorHandle: entry.actor?.handle ?? null,
      action: entry.action,
      annotationId,
      targetUserId: entry.target?.id ?? null,
      targetHandle: entry.target?.handle ?? null,
      reason: entry.reason ?? null,
      before: entry.before,
      after: entry.after,
    })),
  });
}

/** Appends to the audit log, in the same transaction as the change it records. */
export async function recordModeration(tx: Transaction, entry: LogEntryInput): Promise<void> {
  await tx.moderationLogEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorHandle: entry.actor?.handle ?? null,
      action: entry.action,
      annotationId: entry.annotationId ?? null,
      targetUserId: entry.target?.id ?? null,
      targetHandle: entry.target?.handle ?? null,
      reason: entry.reason ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
