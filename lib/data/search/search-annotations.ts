import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PUBLIC_THREAD_SQL } from "@/lib/data/annotations/scope";
import { cjkRuns, excerptAround, MATCH_END, MATCH_START, parseHeadline, type SnippetSegment } from "@/lib/search/snippet";

export const SEARCH_PAGE_SIZE = 20;

export interface SearchResult {
  id: string;
  articleSlug: string;
  articleTitle: string;
  authorHandle: string | null;
  isReply: boolean;
  createdAt: Date;
  snippet: SnippetSegment[];
}

interface Row {
  id: string;
  body: string;
  rootId: string | null;
  createdAt: Date;
  slug: string;
  title: string;
  handle: string | null;
  headline: string | null;
}

/**
 * Full-text search over the annotations and replies the viewer may see (the
 * same rule as visibleAnnotationsWhere, in SQL): English words with stemming
 * through the tsvector column, and Chinese (any CJK) text as substrings
 * through the character-gram column; both GIN-indexed. Snippets come back as
 * segments to render as text, never as HTML.
 */
export async function searchAnnotations(viewer: Viewer | null, query: string, page = 0): Promise<{ results: SearchResult[]; hasMore: boolean }> {
  const runs = cjkRuns(query);
  const viewerId = viewer?.id ?? null;
  const cjkMatch = runs.length
    ? Prisma.sql`(a."searchGrams" @> gloss_cjk_grams(${runs.join(" ")}) AND a.body LIKE ALL(${runs.map((run) => `%${run}%`)}::text[]))`
    : Prisma.sql`false`;
  const rows = await getDb().$queryRaw<Row[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS tsq)
    SELECT a.id, a.body, a."rootId", a."createdAt", ar.slug, ar.title, u.handle,
           CASE WHEN a."searchVector" @@ q.tsq
                THEN ts_headline('english', translate(a.body, ${MATCH_START + MATCH_END}, ''), q.tsq,
                       ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})
           END AS headline
      FROM "Annotation" a
      CROSS JOIN q
      JOIN "Article" ar ON ar.id = a."articleId"
      LEFT JOIN "User" u ON u.id = a."authorId"
     WHERE (${Prisma.raw(PUBLIC_THREAD_SQL)} OR a."authorId" = ${viewerId})
       AND a."deletedAt" IS NULL AND a.body IS NOT NULL
       AND (a."searchVector" @@ q.tsq OR ${cjkMatch})
     ORDER BY ts_rank(a."searchVector", q.tsq) DESC, a."createdAt" DESC, a.id
     LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${page * SEARCH_PAGE_SIZE}`;
  return {
    hasMore: rows.length > SEARCH_PAGE_SIZE,
    results: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
      id: row.id,
      articleSlug: row.slug,
      articleTitle: row.title,
      authorHandle: row.handle,
      isReply: row.rootId !== null,
      createdAt: row.createdAt,
      snippet: row.headline && row.headline.includes(MATCH_START) ? parseHeadline(row.headline) : excerptAround(row.body, runs),
    })),
  };
}
