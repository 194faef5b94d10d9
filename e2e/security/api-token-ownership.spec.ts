import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { expect, SITE_ORIGIN, test } from "../support/fixtures";
import { createActors, disposeActors, type Actor, type RoleName } from "./support/actors";
import { snapshot } from "./support/db-snapshot";
import { createOwnArticle, dropOwnArticle, insertAnnotation, newId, openTestDb, type OwnArticle } from "./support/seed-targets";

/**
 * A write-scope personal access token acts for its owner only: with it,
 * nobody (not a moderator's, not an admin's) can edit or delete another
 * person's annotation through the public API.
 */
test.describe.configure({ mode: "serial" });

/** A live token for `userId`, stored as the app stores one (only its sha256). */
async function insertToken(db: pg.Pool, userId: string, scopes: string[]): Promise<string> {
  const token = `gloss_pat_${randomBytes(32).toString("base64url")}`;
  await db.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scopes) VALUES ($1, $2, 'Ownership check', $3, $4, $5)`, [
    newId(),
    userId,
    createHash("sha256").update(token).digest("hex"),
    token.slice(0, 16),
    scopes,
  ]);
  return token;
}

test.describe("public API ownership", () => {
  let actors: Record<RoleName, Actor> | undefined;
  let article: OwnArticle | undefined;
  const hookDb = openTestDb();

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    actors = await createActors(playwright, hookDb);
    article = await createOwnArticle(hookDb, "api-owner");
  });

  test.afterAll(async () => {
    await disposeActors(actors);
    if (article) await dropOwnArticle(hookDb, article);
    await hookDb.end();
  });

  test("another user's write token cannot edit or delete an annotation, and changes nothing", async ({ playwright, db }) => {
    // A cookie-less client, as an API consumer is.
    const api = await playwright.request.newContext({ baseURL: SITE_ORIGIN, extraHTTPHeaders: { "x-forwarded-for": "10.67.0.1" } });
    const ownerToken = await insertToken(db, actors!.author.userId!, ["write", "read:private"]);
    const annotationId = await insertAnnotation(db, article!, actors!.author.userId!, "Owned by the author");
    const scope = { userIds: Object.values(actors!).flatMap((a) => (a.userId ? [a.userId] : [])), annotationIds: [annotationId], articleIds: [article!.articleId] };
    const violations: string[] = [];
    for (const role of ["reader", "moderator", "admin"] as const) {
      const token = await insertToken(db, actors![role].userId!, ["write", "read:private"]);
      const headers = { authorization: `Bearer ${token}` };
      const before = await snapshot(db, scope);
      // Edits and deletions refuse with an UPDATE guarded by the author, so the scoped snapshot decides (not the table freeze).
      const edit = await api.patch(`/api/v1/annotations/${annotationId}`, { headers, data: { body: `Hijacked by ${role}` } });
      if (![403, 404].includes(edit.status())) violations.push(`${role} PATCH: ${edit.status()} ${(await edit.text()).slice(0, 160)}`);
      const remove = await api.delete(`/api/v1/annotations/${annotationId}`, { headers });
      if (![403, 404].includes(remove.status())) violations.push(`${role} DELETE: ${remove.status()} ${(await remove.text()).slice(0, 160)}`);
      const after = await snapshot(db, scope);
      const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
      if (changed.length > 0) violations.push(`${role}: changed ${changed.join(", ")}`);
    }
    expect(violations).toEqual([]);
    const { rows } = await db.query(`SELECT body, "deletedAt" FROM "Annotation" WHERE id = $1`, [annotationId]);
    expect(rows[0]).toEqual({ body: "Owned by the author", deletedAt: null });
    // The control: the owner's own token does edit it, so the refusals above were about ownership.
    const own = await api.patch(`/api/v1/annotations/${annotationId}`, { headers: { authorization: `Bearer ${ownerToken}` }, data: { body: "Edited by its author" } });
    expect(own.status(), await own.text()).toBe(200);
    expect((await db.query(`SELECT body FROM "Annotation" WHERE id = $1`, [annotationId])).rows[0]).toEqual({ body: "Edited by its author" });
    await api.dispose();
  });
});
