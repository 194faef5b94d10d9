/**
 * Fills the seeded article with public annotations straight in SQL, with
 * their anchors in the current version, so the page can be measured with
 * thousands of them. Every quote is the real text at its position.
 */
import pg from "pg";
import { articleBlocksSchema } from "../../lib/articles/blocks.ts";
import { buildCanonicalText } from "../../lib/articles/canonical-text.ts";

export const BENCH_ARTICLE = "china-shared-future-cyberspace";

export async function setAnnotationCount(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const article = (
      await client.query(`SELECT a.id, a."currentVersionId" AS version, v.blocks FROM "Article" a JOIN "ArticleVersion" v ON v.id = a."currentVersionId" WHERE a.slug = $1`, [BENCH_ARTICLE])
    ).rows[0] as { id: string; version: string; blocks: unknown };
    const text = buildCanonicalText(articleBlocksSchema.parse(article.blocks)).text;
    const author = (await client.query(`SELECT id FROM "User" WHERE email = 'reader@demo.gloss.test'`)).rows[0] as { id: string };
    const existing = Number((await client.query(`SELECT count(*) FROM "Annotation" WHERE id LIKE 'bench%'`)).rows[0].count);
    if (count < existing) {
      await client.query(`DELETE FROM "Annotation" WHERE id LIKE 'bench%'`);
      return setAnnotationCount(databaseUrl, count);
    }
    if (count === existing) return;
    // PostgreSQL's substr counts characters (code points), as the anchors do.
    await client.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", body, tags, "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "createdAt", "updatedAt")
       SELECT 'bench' || lpad(g::text, 20, '0'), $1, $2, $3,
              'Benchmark note ' || g || ': is this figure **sourced**? See [the report](https://example.org/report/' || g || ').',
              ARRAY['bench'], substr($4, s + 1, l), substr($4, greatest(s - 31, 1), least(s, 32)), substr($4, s + l + 1, 32), s, s + l,
              now() - make_interval(secs => g), now()
         FROM (SELECT g, floor(random() * (char_length($4) - 200))::int AS s, 20 + (g % 120) AS l FROM generate_series($5::int, $6::int) AS g) AS picks`,
      [article.id, article.version, author.id, text, existing + 1, count],
    );
    await client.query(
      `INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method)
       SELECT id, "versionId", "positionStart", "positionEnd", 1, 'position' FROM "Annotation"
        WHERE id LIKE 'bench%' AND id > 'bench' || lpad($1::text, 20, '0')`,
      [existing],
    );
    await client.query(`ANALYZE "Annotation"; ANALYZE "AnnotationAnchor"`);
  } finally {
    await client.end();
  }
}
