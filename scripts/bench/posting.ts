/**
 * Posting annotations through the real endpoint (session, zod validation,
 * selector check against the version, rate limiter with a raised allowance,
 * the automatic measures) beside raw `pg` INSERTs of the same rows at the
 * same concurrency.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { signIn } from "./app-server.ts";
import { BENCH_ARTICLE } from "./bulk-annotations.ts";
import { percentile, type BenchRow } from "./report.ts";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Both sides run this long unmeasured first, so neither is timed while its code is still being compiled. */
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 10;
const USERS = 10;

/** Verified, established accounts to post from (young ones post at a lower rate by design). */
async function makePosters(baseUrl: string, databaseUrl: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const cookies: string[] = [];
  for (let index = 0; index < USERS; index++) {
    const handle = `bench_${randomBytes(4).toString("hex")}`;
    const email = `${handle}@bench.test`;
    const password = "Violet staple 93 battery horse";
    const response = await fetch(`${baseUrl}/api/account/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `10.88.${index}.1` },
      body: JSON.stringify({ email, password, name: `Poster ${index}`, handle }),
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    await pool.query(`UPDATE "User" SET "emailVerifiedAt" = now(), "createdAt" = now() - interval '30 days' WHERE email = $1`, [email]);
    cookies.push(await signIn(baseUrl, email, password));
  }
  await pool.end();
  return cookies;
}

async function validSelectors(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const row = (
    await client.query(
      `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId", a."articleId"
         FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
        WHERE ar.slug = $1 AND a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
      [BENCH_ARTICLE],
    )
  ).rows[0] as { versionId: string; quoteExact: string; quotePrefix: string; quoteSuffix: string; positionStart: number; positionEnd: number; startBlockId: string; articleId: string };
  await client.end();
  return row;
}

/** The same rows as the endpoint writes (annotation, anchor and live event, in one transaction), straight through pg. */
async function rawInserts(databaseUrl: string, row: Awaited<ReturnType<typeof validSelectors>>, authorId: string, seconds: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const id = `raw${randomBytes(10).toString("hex")}`;
          const began = performance.now();
          await client.query("BEGIN");
          await client.query(
            `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", body, tags, "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "startBlockId", "updatedAt")
             VALUES ($1, $2, $3, $4, $5, '{}', $6, $7, $8, $9, $10, $11, now())`,
            [id, row.articleId, row.versionId, authorId, `Raw insert ${counter++}`, row.quoteExact, row.quotePrefix, row.quoteSuffix, row.positionStart, row.positionEnd, row.startBlockId],
          );
          await client.query(`INSERT INTO "AnnotationAnchor" ("annotationId", "versionId", start, "end", score, method) VALUES ($1, $2, $3, $4, 1, 'position')`, [id, row.versionId, row.positionStart, row.positionEnd]);
          await client.query(`INSERT INTO "LiveEvent" ("articleId", kind, "annotationId") VALUES ($1, 'annotation.created', $2)`, [row.articleId, id]);
          await client.query("COMMIT");
          latencies.push(performance.now() - began);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.query(`DELETE FROM "LiveEvent" WHERE "annotationId" LIKE 'raw%'`);
  await pool.query(`DELETE FROM "Annotation" WHERE id LIKE 'raw%'`);
  await pool.end();
  return { rps: latencies.length / seconds, p99: percentile(latencies, 99) };
}

export async function benchPosting(baseUrl: string, databaseUrl: string): Promise<BenchRow[]> {
  const cookies = await makePosters(baseUrl, databaseUrl);
  const row = await validSelectors(databaseUrl);
  let counter = 0;
  const post = (seconds: number) =>
    autocannon({
      url: `${baseUrl}/api/annotations`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const index = counter++;
            return {
              ...request,
              headers: { "content-type": "application/json", origin: baseUrl, cookie: cookies[index % cookies.length]!, "x-forwarded-for": `10.89.${index % 250}.1` },
              // Distinct bodies: identical ones would (rightly) be flagged as spam.
              body: JSON.stringify({
                versionId: row.versionId,
                body: `Benchmark post ${index}: the ITU figure needs a source.`,
                selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId },
              }),
            };
          },
        },
      ],
    });
  await post(WARM_UP_SECONDS);
  const result = await post(DURATION_SECONDS);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const authorId = ((await client.query(`SELECT id FROM "User" WHERE email = 'reader@demo.gloss.test'`)).rows[0] as { id: string }).id;
  await client.end();
  await rawInserts(databaseUrl, row, authorId, WARM_UP_SECONDS);
  const raw = await rawInserts(databaseUrl, row, authorId, DURATION_SECONDS);
  // What the framework can serve at all: a route that only runs one query.
  const ceiling = await autocannon({ url: `${baseUrl}/api/health`, connections: CONNECTIONS, duration: DURATION_SECONDS });
  const failures = result.non2xx + result.errors;
  return [
    {
      section: "Posting",
      measure: "annotations through POST /api/annotations",
      value: result.requests.average,
      unit: "req/s",
      baseline: { label: "raw pg INSERTs", value: raw.rps },
      better: "higher",
      target: { text: "≥ 0.25× raw", met: result.requests.average >= raw.rps / 4 },
      note: failures ? `${failures} non-2xx` : undefined,
    },
    { section: "Posting", measure: "p99 latency", value: result.latency.p99, unit: "ms", baseline: { label: "raw pg INSERTs", value: raw.p99 }, better: "lower" },
    {
      section: "Posting",
      measure: "the same endpoint, beside a route that only runs SELECT 1",
      value: result.requests.average,
      unit: "req/s",
      baseline: { label: "GET /api/health through Next.js", value: ceiling.requests.average },
      better: "higher",
      note: `the framework's own ceiling is ${(ceiling.requests.average / raw.rps).toFixed(2)}× the raw rate`,
    },
  ];
}
