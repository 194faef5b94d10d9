import "server-only";
import { encodeNotice } from "@/lib/moderation/notice";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { AnnotationError, notFound } from "@/lib/data/annotations/errors";
import { assertMayParticipate } from "@/lib/data/annotations/participation";
import { visibleAnnotationsWhere } from "@/lib/data/annotations/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { flagsReachThreshold } from "@/lib/moderation/flag-weight";
import { moderationConfig } from "@/lib/moderation/config";
import type { FlagInput } from "@/lib/validation/moderation";
import { recordModeration } from "./audit-log";
import { createModerationNotification, emailModerationNotice, type ModerationNotice } from "./notify-author";
import { quoteExcerpt } from "./quote-excerpt";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";

export const AUTO_HIDE_REASON = "Hidden automatically after flags from several readers, pending a moderator's review.";

/**
 * Flags an annotation the actor can see, once per person. When the weighted
 * flags of distinct people reach the threshold (see flag-weight.ts), the
 * annotation is hidden pending review. The author is told what happened and
 * why, never who flagged.
 */
export async function flagAnnotation(actor: Viewer, input: FlagInput): Promise<{ autoHidden: boolean }> {
  assertMayParticipate(actor, "flagging");
  const db = getDb();
  const target = await db.annotation.findFirst({
    where: { id: input.annotationId, deletedAt: null, body: { not: null }, ...visibleAnnotationsWhere(actor.id) },
    select: { id: true, articleId: true, authorId: true, rootId: true, quoteExact: true, author: { select: { handle: true, email: true, name: true } } },
  });
  if (!target) throw notFound();
  if (target.authorId === actor.id) throw new AnnotationError(400, "ownFlag");
  const config = moderationConfig();

  let notice: ModerationNotice | null = null;
  try {
    await db.$transaction(async (tx) => {
      await tx.flag.create({ data: { annotationId: target.id, reporterId: actor.id, reason: input.reason, note: input.note ?? null } });
      // A moderator deciding on the reports they saw must not dismiss one they have not read.
      await tx.annotation.update({ where: { id: target.id }, data: { moderationRevision: { increment: 1 } } });
      await recordModeration(tx, {
        actor: { id: actor.id, handle: actor.handle },
        action: "flag",
        annotationId: target.id,
        target: target.authorId && target.author ? { id: target.authorId, handle: target.author.handle } : null,
        reason: input.note ? `${input.reason}: ${input.note}` : input.reason,
        before: {},
        after: { reason: input.reason },
      });
      const flaggers = await tx.flag.findMany({
        where: { annotationId: target.id, status: "OPEN", reporterId: { not: null } },
        select: { reporter: { select: { role: true, emailVerifiedAt: true, createdAt: true } } },
      });
      const facts = flaggers.flatMap((flag) => (flag.reporter ? [{ role: flag.reporter.role, isEmailVerified: flag.reporter.emailVerifiedAt !== null, createdAt: flag.reporter.createdAt }] : []));
      if (!flagsReachThreshold(facts, new Date(), { establishedDays: config.establishedDays, threshold: config.flagHideThreshold })) return;

      // Only a visible annotation is hidden automatically; one a moderator already judged stays as they left it.
      const hidden = await tx.annotation.updateMany({
        where: { id: target.id, moderationStatus: "VISIBLE" },
        data: { moderationStatus: "PENDING", moderationReason: AUTO_HIDE_REASON, moderationRevision: { increment: 1 } },
      });
      if (hidden.count === 0) return;
      await recordLiveEvent(tx, { articleId: target.articleId, annotationId: target.id, kind: "annotation.hidden" });
      await recordModeration(tx, {
        actor: null,
        action: "auto_hide",
        annotationId: target.id,
        target: target.authorId && target.author ? { id: target.authorId, handle: target.author.handle } : null,
        reason: AUTO_HIDE_REASON,
        before: { status: "VISIBLE" },
        after: { status: "PENDING", openFlags: facts.length },
      });
      if (target.authorId) {
        notice = { userId: target.authorId, annotationId: target.id, text: encodeNotice("autoHidden", { quote: await quoteExcerpt(tx, target) }) };
        await createModerationNotification(tx, notice);
      }
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AnnotationError(409, "alreadyFlagged");
    throw error;
  }
  if (notice && target.author) await emailModerationNotice(target.author, notice);
  return { autoHidden: notice !== null };
}
