import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { SourceInput } from "@/lib/validation/annotations";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import { bodyKeyOf } from "@/lib/moderation/duplicate-body";
import { notFound } from "./errors";
import { assertMayParticipate } from "./participation";

/** Edits the actor's own annotation or reply, keeping the previous body as a revision. */
export async function editAnnotation(actor: Viewer, input: { id: string; body: string; tags?: string[]; sources?: SourceInput[] }): Promise<void> {
  assertMayParticipate(actor, "editing");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({
      where: { id: input.id, authorId: actor.id, deletedAt: null, body: { not: null } },
      select: { id: true, body: true, articleId: true },
    });
    if (!current) throw notFound();
    if (current.body !== input.body) await tx.annotationRevision.create({ data: { annotationId: current.id, body: current.body! } });
    await tx.annotation.update({
      where: { id: current.id },
      data: {
        body: input.body,
        bodyKey: bodyKeyOf(input.body),
        editedAt: new Date(),
        ...(input.tags ? { tags: input.tags } : {}),
        ...(input.sources
          ? { sources: { deleteMany: {}, create: input.sources.map((source, position) => ({ ...source, position })) } }
          : {}),
      },
    });
    await recordLiveEvent(tx, { articleId: current.articleId, annotationId: current.id, kind: "annotation.updated" });
  });
}
