import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";

export interface SnapshotScope {
  userIds: string[];
  annotationIds: string[];
  articleIds: string[];
  /** Articles that a check may create, by address. */
  slugs?: string[];
}

/**
 * Each table a mutating endpoint can write, restricted to the rows of the
 * people and things a check involves (other specs write to the same database
 * in parallel). Columns that every request touches (a session's last-seen
 * time) are left out; everything else must be identical after a denial.
 *
 * Left out on purpose, as bookkeeping every request may write, denied or not:
 * "rate_limits" (the limiter counts refused requests too, and is keyed by
 * client address and account, not by anything a check owns),
 * UserSession."lastSeenAt" and ApiToken."lastUsedAt" (touched by reading the
 * caller's own session or token). Writes outside these rows to the tables a
 * denial could most plausibly reach are caught by `whileTablesFrozen` below.
 */
const TABLES: Array<{ name: string; where: string; drop?: string[] }> = [
  { name: "User", where: `id = ANY(s.users)` },
  { name: "UserSession", where: `"userId" = ANY(s.users)`, drop: ["lastSeenAt"] },
  { name: "Suspension", where: `"userId" = ANY(s.users) OR "moderatorId" = ANY(s.users)` },
  { name: "Annotation", where: `id = ANY(s.annotations) OR "authorId" = ANY(s.users) OR "parentId" = ANY(s.annotations) OR "articleId" = ANY(s.articles)` },
  { name: "AnnotationAnchor", where: `"annotationId" = ANY(s.annotations) OR "annotationId" IN (SELECT id FROM "Annotation" WHERE "articleId" = ANY(s.articles)) OR "versionId" IN (SELECT id FROM "ArticleVersion" WHERE "articleId" = ANY(s.articles))` },
  { name: "AnnotationSource", where: `"annotationId" = ANY(s.annotations)` },
  { name: "AnnotationRevision", where: `"annotationId" = ANY(s.annotations)` },
  { name: "AnnotationVote", where: `"annotationId" = ANY(s.annotations) OR "userId" = ANY(s.users)` },
  { name: "Flag", where: `"annotationId" = ANY(s.annotations) OR "reporterId" = ANY(s.users)` },
  { name: "ModerationLogEntry", where: `"annotationId" = ANY(s.annotations) OR "actorId" = ANY(s.users) OR "targetUserId" = ANY(s.users)` },
  { name: "Notification", where: `"userId" = ANY(s.users) OR "actorId" = ANY(s.users) OR "annotationId" = ANY(s.annotations)` },
  { name: "Article", where: `id = ANY(s.articles) OR slug = ANY(s.slugs)` },
  { name: "EmailToken", where: `"userId" = ANY(s.users)` },
  { name: "ArticleVersion", where: `"articleId" = ANY(s.articles)` },
  { name: "IdempotencyRecord", where: `"userId" = ANY(s.users)` },
  { name: "ApiToken", where: `"userId" = ANY(s.users)`, drop: ["lastUsedAt"] },
  { name: "NotificationPreference", where: `"userId" = ANY(s.users)` },
  { name: "LiveEvent", where: `"annotationId" = ANY(s.annotations) OR "articleId" = ANY(s.articles)` },
  { name: "OutboxMessage", where: `"to" IN (SELECT email FROM "User" WHERE id = ANY(s.users))` },
  { name: "OAuthAccount", where: `"userId" = ANY(s.users)` },
];

/** One digest per table; two snapshots are equal when nothing in scope changed. */
export async function snapshot(db: pg.Pool, scope: SnapshotScope): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const row = `to_jsonb(t)${(table.drop ?? []).map((column) => ` - '${column}'`).join("")}`;
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg((${row})::text, '|' ORDER BY (${row})::text)), '') AS digest FROM "${table.name}" t, (SELECT $1::text[] AS users, $2::text[] AS annotations, $3::text[] AS articles, $4::text[] AS slugs) s WHERE ${table.where}`,
      [scope.userIds, scope.annotationIds, scope.articleIds, scope.slugs ?? []],
    );
    const { n, digest } = rows[0] as { n: number; digest: string };
    result[table.name] = `${n}:${digest}`;
  }
  return result;
}

/** Tables a refused request has no business writing at all, anywhere in them: not only the rows in a check's scope. */
export const FROZEN_TABLES = ["User", "Notification", "LiveEvent", "ModerationLogEntry", "Annotation"] as const;

export interface FrozenOutcome<T> {
  result: T;
  /** Null when the request finished without trying to write a frozen table; otherwise the tables a write waited on. */
  attemptedWrite: string[] | null;
}

/**
 * Runs `send` while FROZEN_TABLES are locked in SHARE mode: anyone may read
 * them, nobody may insert, update or delete. A request that finishes in that
 * window provably wrote none of them, whatever other specs do in parallel:
 * stronger than comparing whole-table counts, which the parallel specs'
 * writes would disturb (theirs just wait the few milliseconds). If our
 * request is still running `graceMs` after a write started waiting on the
 * lock, it is taken to be that writer: the lock is released so it can finish,
 * and the tables are reported. Even a guarded UPDATE that matches no row
 * takes the lock, so endpoints that refuse that way (an edit "where the
 * author is the caller") must not be checked with this.
 */
export async function whileTablesFrozen<T>(db: pg.Pool, send: () => Promise<T>, graceMs = 3_000): Promise<FrozenOutcome<T>> {
  // The embedded database (no TEST_DATABASE_URL) runs one transaction at a time: a lock held here would stall the
  // app's reads too, so there a refusal is judged by the scoped snapshot alone, as CI's PostgreSQL run adds this check.
  if (!process.env.TEST_DATABASE_URL) return { result: await send(), attemptedWrite: null };
  const client = await db.connect();
  try {
    // All or nothing, without waiting: a lock held on one table while waiting for another can deadlock with a
    // request that writes both (it holds the second and waits for the first).
    for (let attempt = 0; ; attempt++) {
      await client.query("BEGIN");
      try {
        await client.query(`LOCK TABLE ${FROZEN_TABLES.map((table) => `"${table}"`).join(", ")} IN SHARE MODE NOWAIT`);
        break;
      } catch (error) {
        await client.query("ROLLBACK");
        if ((error as { code?: string }).code !== "55P03" || attempt > 400) throw error;
        await sleep(25);
      }
    }
    const pending = send();
    const finished = pending.then(
      () => true,
      () => true,
    );
    let waitingSince: number | null = null;
    let waiting: string[] = [];
    while (!(await Promise.race([finished, sleep(50).then(() => false)]))) {
      const { rows } = await client.query(`SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND c.relname = ANY($1::text[])`, [
        FROZEN_TABLES,
      ]);
      waiting = rows.map((row: { relname: string }) => row.relname);
      // Someone else's write may be the one waiting: ours is taken to be only if our request cannot finish without it.
      waitingSince = waiting.length === 0 ? null : (waitingSince ?? Date.now());
      if (waitingSince !== null && Date.now() - waitingSince > graceMs) break;
    }
    const done = await Promise.race([finished, Promise.resolve(false)]);
    await client.query(done ? "COMMIT" : "ROLLBACK");
    return { result: await pending, attemptedWrite: done ? null : waiting };
  } finally {
    client.release();
  }
}
