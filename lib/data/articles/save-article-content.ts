import "server-only";
import type { ArticleContent } from "@/lib/articles/content-file";
import { hashBlocks } from "@/lib/articles/canonical-text";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reanchorArticle } from "@/lib/data/annotations/reanchor";
import { recordModeration } from "@/lib/data/moderation/audit-log";
import { isUniqueViolation } from "@/lib/data/unique-violation";
import { ArticleGoneError, ArticleVersionConflictError, SlugTakenError } from "./article-save-errors";
import { articleMetadata, insertArticle } from "./create-article";

/** Re-anchoring thousands of annotations takes longer than Prisma's default 5 s transaction. */
const REANCHOR_TIMEOUT_MS = 60_000;

export type SaveResult = "created" | "new-version" | "unchanged";

export interface SaveOptions {
  /** Who saves, for the audit log; null for a script. */
  actor?: { id: string; handle: string } | null;
  /**
   * "create" refuses a slug already in use; "edit" refuses a missing article
   * and a current version other than `baseVersionId`, the one the editor
   * started from. Without it, the article is created or given a new version.
   */
  intent?: { mode: "create" } | { mode: "edit"; baseVersionId: string };
}

type Metadata = ReturnType<typeof articleMetadata>;

function changedFields(before: Record<keyof Metadata, unknown>, after: Metadata): string[] {
  return (Object.keys(after) as Array<keyof Metadata>).filter((key) => {
    const [a, b] = [before[key], after[key]];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : (a ?? null) !== (b ?? null);
  });
}

/**
 * Creates the article, or adds a version when its body changed. Versions are
 * never rewritten, so annotations made on an older one keep their text.
 * Every annotation is re-anchored against a new version in the same
 * transaction, and the change is written to the audit log in it too.
 *
 * The article row is locked first, so two edits take turns: the second sees
 * the first's version, and is refused when it started from an older one
 * instead of silently replacing it. Saving what is already the current text
 * and metadata (a double submit) writes nothing.
 */
export async function saveArticleContent(db: PrismaClient, content: ArticleContent, options: SaveOptions = {}): Promise<SaveResult> {
  const contentHash = hashBlocks(content.blocks);
  const metadata = articleMetadata(content);
  const actor = options.actor ?? null;
  const intent = options.intent;
  let isCreating = false;
  try {
    return await db.$transaction(
      async (tx) => {
        // Also keeps new annotations (createAnnotation holds FOR SHARE on this row) off the version being replaced.
        const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE slug = ${content.slug} FOR UPDATE`;
        if (!locked) {
          if (intent?.mode === "edit") throw new ArticleGoneError(content.slug);
          isCreating = true;
          await insertArticle(tx, content);
          await recordModeration(tx, { actor, action: "article_create", before: {}, after: { slug: content.slug, version: 1 } });
          return "created";
        }
        if (intent?.mode === "create") throw new SlugTakenError(content.slug);

        const existing = await tx.article.findUniqueOrThrow({
          where: { id: locked.id },
          include: { currentVersion: { select: { id: true, number: true, contentHash: true } } },
        });
        const changed = changedFields(existing, metadata);
        const isBodyChanged = existing.currentVersion?.contentHash !== contentHash;
        if (!isBodyChanged && changed.length === 0) return "unchanged";
        if (intent?.mode === "edit" && existing.currentVersionId !== intent.baseVersionId && existing.currentVersion) {
          throw new ArticleVersionConflictError({ id: existing.currentVersion.id, number: existing.currentVersion.number });
        }

        if (changed.length) await tx.article.update({ where: { id: existing.id }, data: metadata });
        let number = existing.currentVersion?.number ?? 0;
        if (isBodyChanged) {
          const latest = await tx.articleVersion.findFirst({ where: { articleId: existing.id }, orderBy: { number: "desc" }, select: { number: true } });
          number = (latest?.number ?? 0) + 1;
          const version = await tx.articleVersion.create({ data: { articleId: existing.id, number, blocks: content.blocks, contentHash } });
          await tx.article.update({ where: { id: existing.id }, data: { currentVersionId: version.id } });
          await reanchorArticle(tx, existing.id, { id: version.id, blocks: content.blocks });
        }
        await recordModeration(tx, {
          actor,
          action: "article_edit",
          before: { slug: content.slug, version: existing.currentVersion?.number ?? null },
          after: { slug: content.slug, version: number, changed: [...(isBodyChanged ? ["body"] : []), ...changed] },
        });
        return isBodyChanged ? "new-version" : "unchanged";
      },
      { timeout: REANCHOR_TIMEOUT_MS },
    );
  } catch (error) {
    // Another transaction inserted the same slug while this one waited on the unique index.
    if (isCreating && isUniqueViolation(error)) throw new SlugTakenError(content.slug);
    throw error;
  }
}
