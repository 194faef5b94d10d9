import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { AnnotationError, notFound } from "@/lib/data/annotations/errors";
import { encodeNotice } from "@/lib/moderation/notice";
import { PENDING_SPAM_REVIEW_REASON } from "@/lib/data/annotations/post-moderation";
import { allowedUserActions } from "@/lib/moderation/permissions";
import { isSuspensionActive, suspensionEnd } from "@/lib/moderation/suspension";
import type { UserModerationInput } from "@/lib/validation/moderation";
import { recordModeration, recordModerationPerAnnotation, type Transaction } from "./audit-log";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import type { LiveEventKind } from "@/lib/live/events";
import { alreadyHandled } from "./errors";
import { moderatorFacts } from "./moderator";
import { createModerationNotification, emailModerationNotice, type ModerationNotice } from "./notify-author";

/** Open pages drop (or show) every post a spammer mark holds (or releases). */
async function recordLiveEvents(tx: Transaction, rows: Array<{ id: string; articleId: string }>, kind: LiveEventKind): Promise<void> {
  // One article after another, so two such transactions take the per-article locks in the same order.
  for (const row of [...rows].sort((a, b) => a.articleId.localeCompare(b.articleId))) await recordLiveEvent(tx, { articleId: row.articleId, annotationId: row.id, kind });
}

/** The fields of a log entry an account-wide action shares with each post it touches. */
function entryOf(actor: Viewer, target: { id: string; handle: string }, input: UserModerationInput) {
  return { actor: { id: actor.id, handle: actor.handle }, action: input.action, target: { id: target.id, handle: target.handle }, reason: input.reason ?? null };
}

/**
 * Suspends, lifts a suspension, or marks an account as a spammer (which holds
 * all its public content for review). Checked on the server against the
 * permission rules and the account's revision, like annotation actions.
 * Suspensions bite on the account's very next request: every request reads
 * the suspension in force (see lib/auth/viewer.ts).
 */
export async function moderateUser(actor: Viewer, input: UserModerationInput): Promise<{ revision: number }> {
  const db = getDb();
  const now = new Date();
  const target = await db.user.findFirst({
    where: { id: input.userId, isPlaceholder: false },
    select: {
      id: true,
      handle: true,
      name: true,
      email: true,
      role: true,
      markedSpammerAt: true,
      moderationRevision: true,
      suspensions: { where: { liftedAt: null }, select: { id: true, endsAt: true, liftedAt: true, reason: true } },
    },
  });
  if (!target) throw notFound();
  if (target.moderationRevision !== input.expectedRevision) throw await alreadyHandled({ targetUserId: target.id });

  const active = target.suspensions.filter((suspension) => isSuspensionActive(suspension, now));
  const allowed = allowedUserActions(moderatorFacts(actor), { id: target.id, role: target.role, isSuspended: active.length > 0, isMarkedSpammer: target.markedSpammerAt !== null });
  if (!allowed.includes(input.action)) throw new AnnotationError(403, "accountActionNotAllowed");

  let notice: ModerationNotice | null = null;
  await db.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({ where: { id: target.id, moderationRevision: input.expectedRevision }, data: { moderationRevision: { increment: 1 } } });
    if (claimed.count === 0) throw await alreadyHandled({ targetUserId: target.id }, tx);
    const log = (before: Record<string, string | number | boolean | null>, after: Record<string, string | number | boolean | null>) =>
      recordModeration(tx, { actor: { id: actor.id, handle: actor.handle }, action: input.action, target: { id: target.id, handle: target.handle }, reason: input.reason ?? null, before, after });
    const reason = input.reason || undefined;

    switch (input.action) {
      case "suspend": {
        const endsAt = suspensionEnd(input.duration!, now);
        await tx.suspension.create({ data: { userId: target.id, moderatorId: actor.id, reason: input.reason!, startsAt: now, endsAt } });
        await log({ suspended: false }, { suspended: true, until: endsAt ? endsAt.toISOString() : "permanent" });
        notice = {
          userId: target.id,
          annotationId: null,
          text: encodeNotice("suspended", { reason, end: endsAt?.toISOString() }),
        };
        break;
      }
      case "lift_suspension": {
        await tx.suspension.updateMany({ where: { id: { in: active.map((suspension) => suspension.id) } }, data: { liftedAt: now, liftedById: actor.id } });
        const until = active[0]?.endsAt;
        await log({ suspended: true, until: until ? until.toISOString() : "permanent" }, { suspended: false });
        notice = { userId: target.id, annotationId: null, text: encodeNotice("suspensionLifted", { reason }) };
        break;
      }
      case "mark_spammer": {
        await tx.user.update({ where: { id: target.id }, data: { markedSpammerAt: now } });
        const heldWhere = { authorId: target.id, visibility: "PUBLIC", moderationStatus: "VISIBLE", deletedAt: null } as const;
        const toHold = await tx.annotation.findMany({ where: heldWhere, select: { id: true, articleId: true } });
        await recordLiveEvents(tx, toHold, "annotation.hidden");
        const held = await tx.annotation.updateMany({
          where: { ...heldWhere, id: { in: toHold.map((row) => row.id) } },
          data: { moderationStatus: "PENDING", moderationReason: PENDING_SPAM_REVIEW_REASON, moderationRevision: { increment: 1 } },
        });
        await log({ markedSpammer: false }, { markedSpammer: true, heldForReview: held.count });
        await recordModerationPerAnnotation(tx, { ...entryOf(actor, target, input), before: { status: "VISIBLE" }, after: { status: "PENDING" } }, toHold.map((row) => row.id));
        notice = { userId: target.id, annotationId: null, text: encodeNotice("markedSpammer", { reason }) };
        break;
      }
      case "unmark_spammer": {
        await tx.user.update({ where: { id: target.id }, data: { markedSpammerAt: null } });
        // Only what the mark held comes back; anything a moderator hid for its own sake stays hidden.
        const releasedWhere = { authorId: target.id, moderationStatus: "PENDING", moderationReason: PENDING_SPAM_REVIEW_REASON } as const;
        const toRelease = await tx.annotation.findMany({ where: releasedWhere, select: { id: true, articleId: true } });
        await recordLiveEvents(tx, toRelease, "annotation.restored");
        const released = await tx.annotation.updateMany({
          where: { ...releasedWhere, id: { in: toRelease.map((row) => row.id) } },
          data: { moderationStatus: "VISIBLE", moderationReason: null, moderationRevision: { increment: 1 } },
        });
        await log({ markedSpammer: true }, { markedSpammer: false, released: released.count });
        await recordModerationPerAnnotation(tx, { ...entryOf(actor, target, input), before: { status: "PENDING" }, after: { status: "VISIBLE" } }, toRelease.map((row) => row.id));
        notice = { userId: target.id, annotationId: null, text: encodeNotice("spamCleared", { reason }) };
        break;
      }
    }
    if (notice) await createModerationNotification(tx, notice);
  });
  if (notice) await emailModerationNotice(target, notice);
  return { revision: input.expectedRevision + 1 };
}
