import "server-only";
import { describeRange, validateSelectorsAgainst } from "@/lib/anchoring/selectors";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { versionText } from "@/lib/data/articles/version-text";
import type { IdempotencyClaim } from "@/lib/data/idempotency/idempotency-key";
import type { CreateAnnotationInput } from "@/lib/validation/annotations";
import { AnnotationError } from "./errors";
import { assertMayParticipate } from "./participation";
import { insertPostRow } from "./insert-post-row";
import { initialModeration } from "./post-moderation";
import { publishPost } from "./publish-post";

/**
 * Creates a highlight or annotation on the article's current version. The
 * selectors must match that version's text exactly, so nobody can attach an
 * annotation to words it does not quote. With a claim, the post and the
 * Idempotency-Key's record are written in one transaction.
 */
export async function createAnnotation(actor: Viewer, input: CreateAnnotationInput, claim: IdempotencyClaim | null = null): Promise<{ id: string }> {
  assertMayParticipate(actor, "annotating");
  const db = getDb();
  // One statement on the common path: the article whose current version this is.
  const article = await db.article.findUnique({ where: { currentVersionId: input.versionId }, select: { id: true, preModeration: true } });
  if (!article) {
    const exists = await db.articleVersion.findUnique({ where: { id: input.versionId }, select: { id: true } });
    throw exists ? new AnnotationError(409, "articleChanged") : new AnnotationError(404, "articleMissing");
  }
  const version = { id: input.versionId, articleId: article.id, preModeration: article.preModeration };

  const canonical = await versionText(version.id);
  if (!canonical) throw new AnnotationError(404, "articleMissing");
  const { selectors } = input;
  const stored = {
    quote: { type: "TextQuoteSelector" as const, exact: selectors.exact, prefix: selectors.prefix, suffix: selectors.suffix },
    position: { type: "TextPositionSelector" as const, start: selectors.start, end: selectors.end },
    startBlockId: selectors.startBlockId,
    versionId: version.id,
  };
  if (selectors.end > canonical.length || !validateSelectorsAgainst(canonical, stored)) {
    throw new AnnotationError(400, "passageMismatch", { field: "selectors" });
  }
  // Stored from the server's own text, so context is exactly what the version holds.
  const described = describeRange(canonical, selectors.start, selectors.end, version.id);
  const isHighlight = input.kind === "highlight";
  const visibility = isHighlight ? "PRIVATE" : input.visibility;
  const moderation = initialModeration(actor, { visibility, preModeration: version.preModeration });

  return publishPost(
    actor,
    claim,
    async (tx) => {
      const row = await insertPostRow(
        tx,
        {
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
        },
        isHighlight ? [] : input.sources,
      );
      // The anchor is written only while the version is still current, under a share lock on the article: an
      // edit that published a new version since the check above has re-anchored without this post (409, and
      // nothing is kept), and one that starts now waits for this post and re-anchors it with the rest.
      const anchored = await tx.$executeRaw`
        INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method)
        SELECT ${row.id}, ${version.id}, ${described.position.start}, ${described.position.end}, 1, 'position'
          FROM "Article" WHERE id = ${version.articleId} AND "currentVersionId" = ${version.id}
           FOR SHARE`;
      if (anchored === 0) throw new AnnotationError(409, "articleChanged");
      return row;
    },
    (row) => ({ id: row.id }),
  );
}
