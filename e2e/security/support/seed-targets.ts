import { randomBytes } from "node:crypto";
import pg from "pg";
import { e2eDatabase } from "../../../scripts/e2e-database";

const { Pool } = pg;

/** An id in the app's format (cuid-like: lowercase letters and digits), unique enough for a test run. */
export function newId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

export interface Selectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  startBlockId: string;
}

export interface OwnArticle {
  articleId: string;
  versionId: string;
  slug: string;
  selectors: Selectors;
}

/**
 * A private copy of the seeded article's original version, so these tests
 * neither see nor disturb what other specs do to the shared article (edits,
 * pre-moderation) while they run in parallel. Its selectors are those of the
 * seeded "5.4 billion people" thread, valid for the copied blocks.
 */
export async function createOwnArticle(db: pg.Pool, label: string): Promise<OwnArticle> {
  const { rows } = await db.query(
    `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId",
            ar.title, ar.author, ar.summary, ar."publishedAt", v.blocks, v."contentHash"
       FROM "Annotation" a JOIN "ArticleVersion" v ON v.id = a."versionId" JOIN "Article" ar ON ar.id = a."articleId"
      WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' ORDER BY a."createdAt" LIMIT 1`,
  );
  const seed = rows[0] as Record<string, unknown>;
  const articleId = newId();
  const versionId = newId();
  const slug = `security-${label}-${randomBytes(3).toString("hex")}`;
  await db.query(
    `INSERT INTO "Article" (id, slug, title, author, summary, "publishedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [articleId, slug, `Security test copy (${label})`, seed.author, seed.summary, seed.publishedAt],
  );
  await db.query(`INSERT INTO "ArticleVersion" (id, "articleId", number, blocks, "contentHash") VALUES ($1, $2, 1, $3, $4)`, [
    versionId,
    articleId,
    JSON.stringify(seed.blocks),
    seed.contentHash,
  ]);
  await db.query(`UPDATE "Article" SET "currentVersionId" = $1 WHERE id = $2`, [versionId, articleId]);
  return {
    articleId,
    versionId,
    slug,
    selectors: {
      exact: seed.quoteExact as string,
      prefix: seed.quotePrefix as string,
      suffix: seed.quoteSuffix as string,
      start: seed.positionStart as number,
      end: seed.positionEnd as number,
      startBlockId: seed.startBlockId as string,
    },
  };
}

/** A public, visible annotation by `authorId` on the article, written directly so each check starts from a fresh target. */
export async function insertAnnotation(db: pg.Pool, article: OwnArticle, authorId: string, body = "A target annotation"): Promise<string> {
  const id = newId();
  const s = article.selectors;
  await db.query(
    `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", visibility, body, tags, "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "startBlockId", "updatedAt")
     VALUES ($1, $2, $3, $4, 'PUBLIC', $5, '{}', $6, $7, $8, $9, $10, $11, now())`,
    [id, article.articleId, article.versionId, authorId, body, s.exact, s.prefix, s.suffix, s.start, s.end, s.startBlockId],
  );
  await db.query(`INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method) VALUES ($1, $2, $3, $4, 1, 'position')`, [id, article.versionId, s.start, s.end]);
  return id;
}

/** Removes the copy and everything on it. */
export async function dropOwnArticle(db: pg.Pool, article: OwnArticle): Promise<void> {
  await db.query(`DELETE FROM "Annotation" WHERE "articleId" = $1`, [article.articleId]);
  await db.query(`UPDATE "Article" SET "currentVersionId" = NULL WHERE id = $1`, [article.articleId]);
  await db.query(`DELETE FROM "Article" WHERE id = $1`, [article.articleId]);
}

/** A pool on the end-to-end server's database, for hooks that run outside a test (beforeAll). */
export function openTestDb(): pg.Pool {
  return new Pool({ connectionString: e2eDatabase(Number(process.env.E2E_PORT ?? 3100)).url, max: 2 });
}
