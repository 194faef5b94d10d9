import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { SourceInput } from "@/lib/validation/annotations";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import { bodyKeyOf } from "@/lib/moderation/duplicate-body";
import { notFound } from "./errors";
import { assertMayParticipate } from "./participation";
import { afterPost, initialModeration } from "./post-moderation";

/**
 * Edits the actor's own annotation or reply, keeping the previous body as a
 * revision. An edit is reviewed like a new post: on a pre-moderated article
 * (or from an account marked as a spammer) a visible post waits for a
 * moderator again, since approving a harmless text must not publish whatever
 * it is edited into; and the new text counts in the repeated-text check.
 */
export async function editAnnotation(actor: Viewer, input: { id: string; body: string; tags?: string[]; sources?: SourceInput[] }): Promise<void> {
  assertMayParticipate(actor, "editing");
  const db = getDb();
  const edited = await db.$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({
      where: { id: input.id, authorId: actor.id, deletedAt: null, body: { not: null } },
      select: { id: true, body: true, articleId: true, visibility: true, moderationStatus: true, article: { select: { preModeration: true } } },
    });
    if (!current) throw notFound();
    const review = initialModeration(actor, { visibility: current.visibility, preModeration: current.article.preModeration });
    const held = current.moderationStatus === "VISIBLE" && review.moderationStatus === "PENDING";
    const bodyChanged = current.body !== input.body;
    if (bodyChanged) await tx.annotationRevision.create({ data: { annotationId: current.id, body: current.body! } });
    await tx.annotation.update({
      where: { id: current.id },
      data: {
        body: input.body,
        bodyKey: bodyKeyOf(input.body),
        editedAt: new Date(),
        // Every edit is a new revision for moderators: a decision taken on the text they saw must not carry over to
        // text they did not (approving a held post, or dismissing flags against words since changed).
        moderationRevision: { increment: 1 },
        ...(held ? review : {}),
        ...(input.tags ? { tags: input.tags } : {}),
        ...(input.sources
          ? { sources: { deleteMany: {}, create: input.sources.map((source, position) => ({ ...source, position })) } }
          : {}),
      },
    });
    await recordLiveEvent(tx, { articleId: current.articleId, annotationId: current.id, kind: held ? "annotation.hidden" : "annotation.updated" });
    return { id: current.id, bodyChanged, isPublic: current.visibility === "PUBLIC" };
  });
  if (edited.bodyChanged && edited.isPublic) await afterPost(actor, { id: edited.id, body: input.body });
}
