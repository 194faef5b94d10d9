import "server-only";
import { describeRange } from "@/lib/anchoring/selectors";
import type { Viewer } from "@/lib/auth/viewer";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { versionText } from "@/lib/data/articles/version-text";
import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import type { apiCreateAnnotationBody } from "@/lib/validation/public-api";
import type { z } from "zod";
import { ApiError, parseInput } from "./api-error";

/**
 * Turns an API request (offsets and the words there) into what the composer
 * sends, with context and start block taken from the server's own text, and
 * hands it to the same schema and data function as the web app: the same
 * checks on the passage, verification, suspension and moderation apply.
 */
export async function createApiAnnotation(actor: Viewer, slug: string, input: z.infer<typeof apiCreateAnnotationBody>): Promise<{ id: string }> {
  const article = await findArticleForExport(slug);
  const canonical = article ? await versionText(article.currentVersionId) : null;
  if (!article || !canonical) throw new ApiError(404, "That article doesn't exist.");
  const { start, end, exact } = input.selector;
  if (!(start < end && end <= canonical.length)) {
    throw new ApiError(400, `selector.start and selector.end must be offsets within the article's text (0 to ${canonical.length}), start before end.`, { "selector.end": "Out of range." });
  }
  const described = describeRange(canonical, start, end, article.currentVersionId);
  const webInput = parseInput(createAnnotationSchema, {
    ...input,
    versionId: article.currentVersionId,
    selectors: { exact, prefix: described.quote.prefix, suffix: described.quote.suffix, start, end, startBlockId: described.startBlockId },
  });
  return createAnnotation(actor, webInput);
}
