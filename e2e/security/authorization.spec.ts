import { expect, test } from "../support/fixtures";
import { createActors, disposeActors, ROLES, signActorsInAgain, type Actor, type RoleName } from "./support/actors";
import { callServerAction } from "./support/call-server-action";
import { serverActionMatrix } from "./support/server-action-matrix";
import { buildServerActions } from "./support/server-actions";
import { snapshot, whileTablesFrozen } from "./support/db-snapshot";
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
  const editableArticles: OwnArticle[] = [];
  const hookDb = openTestDb();

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    actors = await createActors(playwright, hookDb);
    article = await createOwnArticle(hookDb, "matrix");
  });

  test.afterAll(async () => {
    await disposeActors(actors);
    if (article) await dropOwnArticle(hookDb, article);
    for (const editable of editableArticles) await dropOwnArticle(hookDb, editable);
    await hookDb.end();
  });

  async function freshTargets(db: import("pg").Pool): Promise<Targets> {
    const userId = newId();
    await db.query(`INSERT INTO "User" (id, email, name, handle, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, 'Target', $3, now(), now())`, [
      userId,
      `target-${userId}@example.test`,
      `t_${userId.slice(1, 25)}`,
    ]);
    // The author actor's annotation; once the last check has deleted that account, the target user's.
    const authorExists = (await db.query(`SELECT 1 FROM "User" WHERE id = $1`, [actors!.author.userId])).rowCount === 1;
    const annotationId = await insertAnnotation(db, article!, authorExists ? actors!.author.userId! : userId);
    const adminExists = (await db.query(`SELECT 1 FROM "User" WHERE id = $1`, [actors!.admin.userId])).rowCount === 1;
    const adminAnnotationId = await insertAnnotation(db, article!, adminExists ? actors!.admin.userId! : userId, "An admin's annotation");
    return { article: article!, annotationId, adminAnnotationId, userId };
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
          annotationIds: [targets.annotationId, targets.adminAnnotationId],
          articleIds: [article!.articleId],
        };
        const before = await snapshot(db, scope);
        const expected = row.expect[role];
        // A request that must be refused runs while the busiest tables are frozen, so a write anywhere in them shows.
        const mustDeny = (expected >= 400 || row.writesNothing === true) && !row.refusesWithGuardedWrite;
        const { result: response, attemptedWrite } = mustDeny ? await whileTablesFrozen(db, () => send(actor, row, targets)) : { result: await send(actor, row, targets), attemptedWrite: null };
        if (attemptedWrite) violations.push(`${role}: tried to write ${attemptedWrite.join(", ")} while being refused`);
        const status = response.status();
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

  for (const row of serverActionMatrix) {
    test(`server action ${row.name} (${row.what})`, async ({ db }) => {
      const action = buildServerActions().find((candidate) => candidate.file === row.file && candidate.name === row.name);
      expect(action, `${row.name} is not in the build`).toBeTruthy();
      const violations: string[] = [];
      for (const role of ROLES) {
        const actor = actors![role];
        const targets = await freshTargets(db);
        // Real rows of the target user's, so an action that forgot to check the owner would change them.
        const otherSessionId = newId();
        await db.query(`INSERT INTO "UserSession" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [otherSessionId, targets.userId]);
        const otherTokenId = newId();
        await db.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scopes) VALUES ($1, $2, 'Target token', $3, 'gloss_pat_target', '{write}')`, [
          otherTokenId,
          targets.userId,
          newId() + newId(),
        ]);
        const otherNotificationId = newId();
        await db.query(`INSERT INTO "Notification" (id, "userId", kind, "annotationId", text) VALUES ($1, $2, 'REPLY', $3, 'A reply to the target')`, [otherNotificationId, targets.userId, targets.annotationId]);
        // Its own article for each check, so an allowed edit never changes the article the other checks annotate.
        const editable = await createOwnArticle(db, "matrix-edit");
        editableArticles.push(editable);
        const actionTargets = { ...targets, otherSessionId, otherTokenId, otherNotificationId, newSlug: `matrix-${newId().slice(1, 13)}`, editSlug: editable.slug, editVersionId: editable.versionId };
        const scope = {
          userIds: Object.values(actors!).flatMap((a) => (a.userId ? [a.userId] : [])).concat(targets.userId),
          annotationIds: [targets.annotationId, targets.adminAnnotationId],
          articleIds: [article!.articleId, editable.articleId],
          slugs: [actionTargets.newSlug],
        };
        const before = await snapshot(db, scope);
        const call = () => callServerAction(actor.request, action!, row.args(actionTargets, actor));
        const freeze = row.expect[role] === "denied" && !row.refusesWithGuardedWrite;
        const { result: response, attemptedWrite } = freeze ? await whileTablesFrozen(db, call) : { result: await call(), attemptedWrite: null };
        if (attemptedWrite) violations.push(`${role}: tried to write ${attemptedWrite.join(", ")} while being refused`);
        const after = await snapshot(db, scope);
        const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
        const outcome = changed.length > 0 ? "allowed" : "denied";
        if (response.status() >= 500) violations.push(`${role}: ${response.status()}`);
        if (outcome !== row.expect[role]) violations.push(`${role}: expected ${row.expect[role]}, was ${outcome} (status ${response.status()}, changed ${changed.join(", ") || "nothing"})`);
      }
      if (row.endsSessions) await signActorsInAgain(actors!);
      expect(violations).toEqual([]);
    });
  }
});

test("every server action in the build has a row in the server-action matrix", () => {
  const rows = new Set(serverActionMatrix.map((row) => `${row.file}#${row.name}`));
  const built = buildServerActions().map((action) => `${action.file}#${action.name}`);
  expect(built.filter((key) => !rows.has(key)), "add these to e2e/security/support/server-action-matrix.ts").toEqual([]);
  expect([...rows].filter((key) => !built.includes(key)), "rows for actions that no longer exist").toEqual([]);
});
