import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { expect } from "./fixtures";

/**
 * Posts a public annotation through the real endpoint, on the same passage as
 * the seeded "5.4 billion people" thread: its stored selectors are valid for
 * the current version, so no page needs to be driven to make one.
 */
export async function postAnnotationViaApi(request: APIRequestContext, db: pg.Pool, body: string): Promise<string> {
  const { rows } = await db.query(
    `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId"
       FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
      WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
  );
  const row = rows[0] as { versionId: string; quoteExact: string; quotePrefix: string; quoteSuffix: string; positionStart: number; positionEnd: number; startBlockId: string };
  const response = await request.post("/api/annotations", {
    data: {
      versionId: row.versionId,
      body,
      selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId },
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}
