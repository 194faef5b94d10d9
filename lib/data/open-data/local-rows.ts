import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportRow, SkippedRow } from "@/lib/open-data/import-rows";
import { localAnnotationId } from "@/lib/open-data/own-site";

export interface LocalRows {
  /** Rows that are annotations already on the destination article: left as they are; replies in the file attach to them. */
  here: Map<string, { id: string; rootId: string }>;
  /** Rows copied from another article of this site: their author is the annotation's author here (null: a deleted account), never the file's claim. */
  authors: Map<string, string | null>;
  /** Rows whose annotation this site deleted, hid or holds: an import must not bring them back. */
  removed: SkippedRow[];
}

/**
 * Recognises this site's own annotations in an import file by their IRIs
 * (`<site>/a/<id>`), so that our own export brought back, or copied to another
 * article of the site, is matched to what is here instead of being copied
 * under placeholder authors or reviving what was taken down.
 */
export async function classifyLocalRows(db: Prisma.TransactionClient, rows: readonly ImportRow[], input: { siteUrl: string; articleId: string }): Promise<LocalRows> {
  const ids = new Map(rows.flatMap((row) => {
    const id = localAnnotationId(row.externalId, input.siteUrl);
    return id ? [[row.externalId, id] as const] : [];
  }));
  const found = new Map(
    (
      await db.annotation.findMany({
        where: { id: { in: [...new Set(ids.values())] } },
        select: {
          id: true,
          articleId: true,
          rootId: true,
          authorId: true,
          visibility: true,
          deletedAt: true,
          moderationStatus: true,
          root: { select: { deletedAt: true, moderationStatus: true } },
        },
      })
    ).map((row) => [row.id, row]),
  );
  const result: LocalRows = { here: new Map(), authors: new Map(), removed: [] };
  for (const [externalId, id] of ids) {
    const row = found.get(id);
    if (row?.articleId === input.articleId) {
      result.here.set(externalId, { id: row.id, rootId: row.rootId ?? row.id });
      continue;
    }
    // Only what anyone may read here travels: the same rule as the export's.
    const shown = row && row.visibility === "PUBLIC" && row.deletedAt === null && row.moderationStatus === "VISIBLE" && (!row.root || (row.root.deletedAt === null && row.root.moderationStatus === "VISIBLE"));
    if (shown) result.authors.set(externalId, row.authorId);
    else result.removed.push({ externalId, reason: "removedHere" });
  }
  return result;
}
