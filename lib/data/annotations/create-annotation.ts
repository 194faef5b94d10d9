import "server-only";
import { articleBlocksSchema } from "@/lib/articles/blocks";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { describeRange, validateSelectorsAgainst } from "@/lib/anchoring/selectors";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { CreateAnnotationInput } from "@/lib/validation/annotations";
import { AnnotationError } from "./errors";
import { assertMayParticipate } from "./participation";
import { afterPost, initialModeration } from "./post-moderation";
import { recordLiveEvent } from "@/lib/data/live/record-live-event";
import { notifyAboutPost } from "@/lib/data/notifications/notify-about-post";
import { sendImmediateEmails } from "@/lib/data/notifications/send-notification-emails";

/**
 * Creates a highlight or annotation on the article's current version. The
 * selectors must match that version's text exactly, so nobody can attach an
 * annotation to words it does not quote.
 */
export async function createAnnotation(actor: Viewer, input: CreateAnnotationInput): Promise<{ id: string }> {
  assertMayParticipate(actor, "annotating");
  const db = getDb();
  const version = await db.articleVersion.findUnique({
    where: { id: input.versionId },
    select: { id: true, articleId: true, blocks: true, currentOf: { select: { id: true, preModeration: true } } },
  });
  if (!version) throw new AnnotationError(404, "That article doesn't exist.");
  if (!version.currentOf) throw new AnnotationError(409, "The article has changed since you opened it. Reload the page and select the passage again.");

  const canonical = buildCanonicalText(articleBlocksSchema.parse(version.blocks));
  const { selectors } = input;
  const stored = {
    quote: { type: "TextQuoteSelector" as const, exact: selectors.exact, prefix: selectors.prefix, suffix: selectors.suffix },
    position: { type: "TextPositionSelector" as const, start: selectors.start, end: selectors.end },
    startBlockId: selectors.startBlockId,
    versionId: version.id,
  };
  if (selectors.end > canonical.length || !validateSelectorsAgainst(canonical, stored)) {
    throw new AnnotationError(400, "The selected passage doesn't match the article. Reload the page and select it again.", "selectors");
  }
  // Stored from the server's own text, so context is exactly what the version holds.
  const described = describeRange(canonical, selectors.start, selectors.end, version.id);
  const isHighlight = input.kind === "highlight";
  const visibility = isHighlight ? "PRIVATE" : input.visibility;
  const moderation = initialModeration(actor, { visibility, preModeration: version.currentOf.preModeration });

  // The live event and the notifications commit with the annotation, or none of them do.
  const { created, toEmail } = await db.$transaction(async (tx) => {
    const created = await tx.annotation.create({
      data: {
        articleId: version.articleId,
        versionId: version.id,
        authorId: actor.id,
        visibility,
        ...moderation,
        body: isHighlight ? null : input.body,
        tags: isHighlight ? [] : input.tags,
        quoteExact: described.quote.exact,
        quotePrefix: described.quote.prefix,
        quoteSuffix: described.quote.suffix,
        positionStart: described.position.start,
        positionEnd: described.position.end,
        startBlockId: described.startBlockId,
        sources: isHighlight ? undefined : { create: input.sources.map((source, position) => ({ ...source, position })) },
        anchors: { create: { versionId: version.id, start: described.position.start, end: described.position.end, score: 1, method: "position" } },
      },
      select: { id: true, authorId: true, parentId: true, rootId: true, body: true, visibility: true, moderationStatus: true, articleId: true },
    });
    await recordLiveEvent(tx, { articleId: created.articleId, annotationId: created.id, kind: "annotation.created" });
    return { created, toEmail: await notifyAboutPost(tx, created) };
  });
  await sendImmediateEmails(toEmail);
  if (!isHighlight) await afterPost(actor, { id: created.id, body: input.body });
  return { id: created.id };
}
