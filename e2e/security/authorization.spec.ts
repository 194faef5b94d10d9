import { expect, test } from "../support/fixtures";
import { createActors, disposeActors, ROLES, type Actor, type RoleName } from "./support/actors";
import { snapshot } from "./support/db-snapshot";
import { mutationMatrix, type MutationRow, type Targets } from "./support/mutation-matrix";
import { discoverRouteFiles, MUTATING } from "./support/route-files";
import { createOwnArticle, dropOwnArticle, insertAnnotation, newId, openTestDb, type OwnArticle } from "./support/seed-targets";

test.describe.configure({ mode: "serial" });

test("every mutating route handler has a row in the authorization matrix", () => {
  const routes = discoverRouteFiles();
  expect(routes.length).toBeGreaterThan(5);
  const rows = new Set(mutationMatrix.map((row) => `${row.method} ${row.route}`));
  const missing = routes.flatMap((route) => route.methods.filter((method) => MUTATING.has(method)).map((method) => `${method} ${route.file}`)).filter((key) => !rows.has(key));
  expect(missing, "add these endpoints to e2e/security/support/mutation-matrix.ts").toEqual([]);
  const existing = new Set(routes.flatMap((route) => route.methods.map((method) => `${method} ${route.file}`)));
  expect([...rows].filter((key) => !existing.has(key)), "matrix rows for routes that no longer exist").toEqual([]);
});

test.describe("authorization matrix", () => {
  let actors: Record<RoleName, Actor> | undefined;
  let article: OwnArticle | undefined;
  const hookDb = openTestDb();

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    actors = await createActors(playwright, hookDb);
    article = await createOwnArticle(hookDb, "matrix");
  });

  test.afterAll(async () => {
    await disposeActors(actors);
    if (article) await dropOwnArticle(hookDb, article);
    await hookDb.end();
  });

  async function freshTargets(db: import("pg").Pool): Promise<Targets> {
    const annotationId = await insertAnnotation(db, article!, actors!.author.userId!);
    const userId = newId();
    await db.query(`INSERT INTO "User" (id, email, name, handle, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, 'Target', $3, now(), now())`, [
      userId,
      `target-${userId}@example.test`,
      `t_${userId.slice(1, 25)}`,
    ]);
    return { article: article!, annotationId, userId };
  }

  async function send(actor: Actor, row: MutationRow, targets: Targets) {
    const call = row.request(targets);
    return actor.request.fetch(call.path, { method: row.method, data: call.data, form: call.form, maxRedirects: 0 });
  }

  for (const row of mutationMatrix) {
    test(`${row.method} ${row.route} (${row.what})`, async ({ db }) => {
      const violations: string[] = [];
      for (const role of ROLES) {
        const actor = actors![role];
        const targets = await freshTargets(db);
        const scope = {
          userIds: Object.values(actors!).flatMap((a) => (a.userId ? [a.userId] : [])).concat(targets.userId),
          annotationIds: [targets.annotationId],
          articleIds: [article!.articleId],
        };
        const before = await snapshot(db, scope);
        const response = await send(actor, row, targets);
        const status = response.status();
        const expected = row.expect[role];
        if (status !== expected) violations.push(`${role}: expected ${expected}, got ${status} ${(await response.text()).slice(0, 160)}`);
        if (status >= 400 || row.writesNothing) {
          const after = await snapshot(db, scope);
          const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
          if (changed.length > 0) violations.push(`${role}: got ${status} but changed ${changed.join(", ")}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
