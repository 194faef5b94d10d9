import { anchorMany } from "@/lib/anchoring/anchor";
import type { StoredSelectors } from "@/lib/anchoring/selectors";
import type { ArticleBlock } from "@/lib/articles/blocks";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Roots read, anchored and written at a time: memory stays flat however long the discussion. */
export const REANCHOR_BATCH_SIZE = 1_000;

const rootFields = {
  id: true,
  createdAt: true,
  versionId: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
  startBlockId: true,
} satisfies Prisma.AnnotationSelect;

type Root = Prisma.AnnotationGetPayload<{ select: typeof rootFields }>;

function selectorsOf(root: Root): StoredSelectors {
  return {
    quote: { type: "TextQuoteSelector", exact: root.quoteExact!, prefix: root.quotePrefix ?? "", suffix: root.quoteSuffix ?? "" },
    position: { type: "TextPositionSelector", start: root.positionStart ?? 0, end: root.positionEnd ?? 0 },
    startBlockId: root.startBlockId ?? "",
    versionId: root.versionId,
  };
}

/**
 * Places every root annotation of an article in a new version, on the server,
 * and records where each landed. Those that cannot be found with confidence
 * are recorded as orphans (null offsets): shown with their original quote,
 * never attached to the wrong words.
 *
 * Roots are read in batches in (createdAt, id) order, which walks the
 * (articleId, createdAt) index; the canonical text is built once. The
 * caller's transaction holds the article row, so no root is added or missed
 * between batches.
 */
export async function reanchorArticle(
  tx: Prisma.TransactionClient,
  articleId: string,
  version: { id: string; blocks: ArticleBlock[] },
): Promise<{ anchored: number; orphaned: number }> {
  const canonical = buildCanonicalText(version.blocks);
  const counts = { anchored: 0, orphaned: 0 };
  let after: Pick<Root, "id" | "createdAt"> | null = null;
  for (;;) {
    const roots: Root[] = await tx.annotation.findMany({
      where: {
        articleId,
        rootId: null,
        quoteExact: { not: null },
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: REANCHOR_BATCH_SIZE,
      select: rootFields,
    });
    if (roots.length === 0) break;
    const results = anchorMany(canonical, roots.map(selectorsOf));
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
    for (const result of results) counts[result.status === "anchored" ? "anchored" : "orphaned"]++;
    if (roots.length < REANCHOR_BATCH_SIZE) break;
    after = roots.at(-1)!;
  }
  return counts;
}
