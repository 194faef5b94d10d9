import { randomUUID } from "node:crypto";
import { expect, signedInUser, test } from "./support/fixtures";

/** A post request the way the composer sends one, on the seeded thread's passage. */
async function postBody(db: import("pg").Pool, body: string) {
  const { rows } = await db.query(
    `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId"
       FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
      WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
  );
  const row = rows[0] as Record<string, string & number>;
  return {
    versionId: row.versionId,
    body,
    selectors: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd, startBlockId: row.startBlockId },
  };
}

test("a post retried with the same Idempotency-Key is stored once and answered the same", async ({ page, db }) => {
  const user = await signedInUser(page, db, "idem");
  // An established account: the new-account rate (5 a minute) would refuse the burst below.
  await db.query(`UPDATE "User" SET "createdAt" = now() - interval '30 days' WHERE email = $1`, [user.email]);
  const key = randomUUID();
  const data = await postBody(db, `Posted once ${key}`);
  const first = await page.request.post("/api/annotations", { data, headers: { "idempotency-key": key } });
  expect(first.status(), await first.text()).toBe(200);
  const { id } = (await first.json()) as { id: string };

  const again = await page.request.post("/api/annotations", { data, headers: { "idempotency-key": key } });
  expect(again.status()).toBe(200);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toEqual({ id });

  const reused = await page.request.post("/api/annotations", { data: { ...data, body: "Something else" }, headers: { "idempotency-key": key } });
  expect(reused.status()).toBe(422);

  const reply = { body: `A reply ${key}` };
  const replies = await Promise.all(Array.from({ length: 5 }, () => page.request.post(`/api/annotations/${id}/replies`, { data: reply, headers: { "idempotency-key": `r-${key}` } })));
  expect(replies.map((response) => response.status())).toEqual([200, 200, 200, 200, 200]);
  const ids = new Set(await Promise.all(replies.map(async (response) => ((await response.json()) as { id: string }).id)));
  expect(ids.size).toBe(1);

  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE body IN ($1, $2)`, [data.body, reply.body]);
  expect(rows[0].n).toBe(2);
  const bad = await page.request.post("/api/annotations", { data, headers: { "idempotency-key": "has spaces" } });
  expect(bad.status()).toBe(400);
});
