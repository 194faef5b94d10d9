import "server-only";
import { encodeNotice } from "@/lib/moderation/notice";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { AnnotationError, notFound } from "@/lib/data/annotations/errors";
import type { ModerationStatus } from "@/lib/generated/prisma/client";
import { allowedAnnotationActions, type AnnotationAction } from "@/lib/moderation/permissions";
import type { AnnotationModerationInput } from "@/lib/validation/moderation";
import { recordModeration } from "./audit-log";
import { alreadyHandled } from "./errors";
import { moderatorFacts } from "./moderator";
import { createModerationNotification, emailModerationNotice, type ModerationNotice } from "./notify-author";
import { quoteExcerpt } from "./quote-excerpt";
import { PENDING_APPROVAL_REASON, PENDING_SPAM_REVIEW_REASON } from "@/lib/data/annotations/post-moderation";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import type { LiveEventKind } from "@/lib/live/events";
import { notifyAboutPost } from "@/lib/data/notifications/notify-about-post";
import { sendImmediateEmails } from "@/lib/data/notifications/send-notification-emails";

/** Posts held from the start: nobody was told about them yet. (Automatically hidden ones were public before.) */
const NEVER_SHOWN_REASONS = new Set([PENDING_APPROVAL_REASON, PENDING_SPAM_REVIEW_REASON]);

/** What readers of the article see change live. */
const LIVE_KIND: Record<AnnotationAction, LiveEventKind> = {
  approve: "annotation.restored",
  restore: "annotation.restored",
  hide: "annotation.hidden",
  delete: "annotation.deleted",
  lock: "annotation.updated",
  unlock: "annotation.updated",
};

type State = {
  status: ModerationStatus;
  reason: string | null;
  locked: boolean;
};

/** What each action does to an annotation's moderation state, and to its open flags. */
function nextState(action: Exclude<AnnotationAction, "delete">, before: State, reason: string | undefined): { state: State; flags: "DISMISSED" | "ACTIONED" | null } {
  switch (action) {
    case "approve":
      return { state: { ...before, status: "VISIBLE", reason: null }, flags: "DISMISSED" };
    case "restore":
      return { state: { ...before, status: "VISIBLE", reason: null }, flags: "DISMISSED" };
    case "hide":
      return { state: { ...before, status: "HIDDEN", reason: reason ?? null }, flags: "ACTIONED" };
    case "lock":
      return { state: { ...before, locked: true }, flags: null };
    case "unlock":
      return { state: { ...before, locked: false }, flags: null };
  }
}

function noticeText(action: AnnotationAction, quote: string, reason: string | undefined): string | null {
  const values = { quote, reason };
  switch (action) {
    case "hide":
      return encodeNotice("hidden", values);
    case "restore":
      return encodeNotice("restored", values);
    case "approve":
      return encodeNotice("approved", values);
    case "lock":
      return encodeNotice("locked", values);
    case "delete":
      return encodeNotice("deleted", values);
    case "unlock":
      return null;
  }
}

/**
 * Carries out one moderator's decision on one annotation. Permissions come
 * from lib/moderation/permissions.ts, checked here on the server; the
 * revision the moderator saw must still be current, so when two act at once
 * the second is told who got there first.
 */
export async function moderateAnnotation(actor: Viewer, input: AnnotationModerationInput): Promise<{ revision: number | null }> {
  const db = getDb();
  const target = await db.annotation.findFirst({
    // Private notes are their author's alone: not even moderators see them.
    where: { id: input.annotationId, visibility: "PUBLIC" },
    select: {
      id: true,
      articleId: true,
      parentId: true,
      body: true,
      visibility: true,
      rootId: true,
      quoteExact: true,
      authorId: true,
      deletedAt: true,
      lockedAt: true,
      moderationStatus: true,
      moderationReason: true,
      moderationRevision: true,
      author: { select: { handle: true, role: true, email: true, name: true, isPlaceholder: true } },
      _count: { select: { flags: { where: { status: "OPEN" } } } },
    },
  });
  if (!target) throw notFound();
  if (target.moderationRevision !== input.expectedRevision) throw await alreadyHandled({ annotationId: target.id });

  const allowed = allowedAnnotationActions(moderatorFacts(actor), {
    authorId: target.authorId,
    authorRole: target.author?.role ?? null,
    status: target.moderationStatus,
    isRoot: target.rootId === null,
    isLocked: target.lockedAt !== null,
    hasOpenFlags: target._count.flags > 0,
    isDeleted: target.deletedAt !== null,
  });
  if (!allowed.includes(input.action)) throw new AnnotationError(403, "annotationActionNotAllowed");

  const before: State = { status: target.moderationStatus, reason: target.moderationReason, locked: target.lockedAt !== null };
  const author = target.authorId && target.author ? { id: target.authorId, handle: target.author.handle } : null;
  let notice: ModerationNotice | null = null;
  let toEmail: string[] = [];

  const revision = await db.$transaction(async (tx) => {
    const claimed = await tx.annotation.updateMany({
      where: { id: target.id, moderationRevision: input.expectedRevision },
      data: { moderationRevision: { increment: 1 } },
    });
    if (claimed.count === 0) throw await alreadyHandled({ annotationId: target.id }, tx);

    const quote = await quoteExcerpt(tx, target);
    let after: State | { deleted: true; repliesDeleted: number };
    let repliesDeleted: Array<{ id: string; authorId: string | null; handle: string | null }> = [];
    if (input.action === "delete") {
      // The delete cascades to every reply below it, other people's included: each goes in the log too.
      repliesDeleted = await tx.$queryRaw<Array<{ id: string; authorId: string | null; handle: string | null }>>`
        WITH RECURSIVE below AS (
          SELECT id FROM "Annotation" WHERE "parentId" = ${target.id}
          UNION ALL SELECT a.id FROM "Annotation" a JOIN below ON a."parentId" = below.id
        )
        SELECT a.id, a."authorId", u.handle FROM below JOIN "Annotation" a ON a.id = below.id LEFT JOIN "User" u ON u.id = a."authorId"`;
      await tx.annotation.delete({ where: { id: target.id } });
      after = { deleted: true, repliesDeleted: repliesDeleted.length };
    } else {
      const next = nextState(input.action, before, input.reason);
      await tx.annotation.update({
        where: { id: target.id },
        data: { moderationStatus: next.state.status, moderationReason: next.state.reason, lockedAt: next.state.locked ? (target.lockedAt ?? new Date()) : null },
      });
      if (next.flags) await tx.flag.updateMany({ where: { annotationId: target.id, status: "OPEN" }, data: { status: next.flags, resolvedAt: new Date() } });
      after = next.state;
    }
    await recordModeration(tx, {
      actor: { id: actor.id, handle: actor.handle },
      action: input.action,
      annotationId: target.id,
      target: author,
      reason: input.reason ?? null,
      before: { ...before, openFlags: target._count.flags },
      after,
    });
    for (const reply of repliesDeleted) {
      await recordModeration(tx, {
        actor: { id: actor.id, handle: actor.handle },
        action: "delete",
        annotationId: reply.id,
        target: reply.authorId && reply.handle ? { id: reply.authorId, handle: reply.handle } : null,
        reason: input.reason ?? null,
        before: { replyTo: target.id },
        after: { deleted: true, withThreadOf: target.id },
      });
    }
    await recordLiveEvent(tx, { articleId: target.articleId, annotationId: target.id, kind: LIVE_KIND[input.action] });
    // A held post reaches the people it answers or mentions once it is public.
    if (target.moderationStatus === "PENDING" && NEVER_SHOWN_REASONS.has(target.moderationReason ?? "") && (input.action === "approve" || input.action === "restore")) {
      toEmail = await notifyAboutPost(tx, { ...target, moderationStatus: "VISIBLE" });
    }
    const text = noticeText(input.action, quote, input.reason);
    if (text && target.authorId && !target.author?.isPlaceholder) {
      notice = { userId: target.authorId, annotationId: input.action === "delete" ? null : target.id, text };
      await createModerationNotification(tx, notice);
    }
    return input.action === "delete" ? null : input.expectedRevision + 1;
  });
  if (notice && target.author) await emailModerationNotice(target.author, notice);
  await sendImmediateEmails(toEmail);
  return { revision };
}
