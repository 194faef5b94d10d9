import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { AnnotationError } from "@/lib/data/annotations/errors";
import { isModerator } from "@/lib/moderation/permissions";
import { recordModeration } from "./audit-log";

/** Switches pre-moderation for one article: new public annotations then wait for approval. */
export async function setPreModeration(actor: Viewer, input: { articleId: string; enabled: boolean }): Promise<{ enabled: boolean }> {
  if (!isModerator({ role: actor.role, isSuspended: actor.suspension !== null })) throw new AnnotationError(404, "notFound");
  const db = getDb();
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, preModeration: true, slug: true } });
    if (!article) throw new AnnotationError(404, "articleMissing");
    if (article.preModeration === input.enabled) return { enabled: input.enabled };
    await tx.article.update({ where: { id: article.id }, data: { preModeration: input.enabled } });
    await recordModeration(tx, {
      actor: { id: actor.id, handle: actor.handle },
      action: input.enabled ? "pre_moderation_on" : "pre_moderation_off",
      reason: `Article ${article.slug}`,
      before: { preModeration: article.preModeration },
      after: { preModeration: input.enabled },
    });
    return { enabled: input.enabled };
  });
}
