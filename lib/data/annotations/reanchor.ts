import { anchorMany } from "@/lib/anchoring/anchor";
import type { StoredSelectors } from "@/lib/anchoring/selectors";
import type { ArticleBlock } from "@/lib/articles/blocks";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Places every root annotation of an article in a new version, on the server,
 * and records where each landed. Those that cannot be found with confidence
 * are recorded as orphans (null offsets): shown with their original quote,
 * never attached to the wrong words.
 */
export async function reanchorArticle(
  tx: Prisma.TransactionClient,
  articleId: string,
  version: { id: string; blocks: ArticleBlock[] },
): Promise<{ anchored: number; orphaned: number }> {
  const roots = await tx.annotation.findMany({
    where: { articleId, rootId: null, quoteExact: { not: null } },
    select: { id: true, versionId: true, quoteExact: true, quotePrefix: true, quoteSuffix: true, positionStart: true, positionEnd: true, startBlockId: true },
  });
  if (roots.length === 0) return { anchored: 0, orphaned: 0 };
  const selectors: StoredSelectors[] = roots.map((root) => ({
    quote: { type: "TextQuoteSelector", exact: root.quoteExact!, prefix: root.quotePrefix ?? "", suffix: root.quoteSuffix ?? "" },
    position: { type: "TextPositionSelector", start: root.positionStart ?? 0, end: root.positionEnd ?? 0 },
    startBlockId: root.startBlockId ?? "",
    versionId: root.versionId,
  }));
  const results = anchorMany(buildCanonicalText(version.blocks), selectors);
  await tx.annotationAnchor.createMany({
    data: results.map((result, index) => ({
      annotationId: roots[index]!.id,
      versionId: version.id,
      start: result.status === "anchored" ? result.start : null,
      end: result.status === "anchored" ? result.end : null,
      score: result.status === "anchored" ? result.score : 0,
      method: result.status === "anchored" ? result.method : "orphan",
    })),
    skipDuplicates: true,
  });
  const anchored = results.filter((result) => result.status === "anchored").length;
  return { anchored, orphaned: results.length - anchored };
}
