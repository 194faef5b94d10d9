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
 */
const TABLES: Array<{ name: string; where: string; drop?: string[] }> = [
  { name: "User", where: `id = ANY(s.users)` },
  { name: "UserSession", where: `"userId" = ANY(s.users)`, drop: ["lastSeenAt"] },
  { name: "Suspension", where: `"userId" = ANY(s.users) OR "moderatorId" = ANY(s.users)` },
  { name: "Annotation", where: `id = ANY(s.annotations) OR "authorId" = ANY(s.users) OR "parentId" = ANY(s.annotations) OR "articleId" = ANY(s.articles)` },
  { name: "AnnotationSource", where: `"annotationId" = ANY(s.annotations)` },
  { name: "AnnotationRevision", where: `"annotationId" = ANY(s.annotations)` },
  { name: "AnnotationVote", where: `"annotationId" = ANY(s.annotations) OR "userId" = ANY(s.users)` },
  { name: "Flag", where: `"annotationId" = ANY(s.annotations) OR "reporterId" = ANY(s.users)` },
  { name: "ModerationLogEntry", where: `"annotationId" = ANY(s.annotations) OR "actorId" = ANY(s.users) OR "targetUserId" = ANY(s.users)` },
  { name: "Notification", where: `"userId" = ANY(s.users) OR "annotationId" = ANY(s.annotations)` },
  { name: "Article", where: `id = ANY(s.articles) OR slug = ANY(s.slugs)` },
  { name: "EmailToken", where: `"userId" = ANY(s.users)` },
  { name: "ArticleVersion", where: `"articleId" = ANY(s.articles)` },
  { name: "IdempotencyRecord", where: `"userId" = ANY(s.users)` },
  { name: "ApiToken", where: `"userId" = ANY(s.users)`, drop: ["lastUsedAt"] },
  { name: "NotificationPreference", where: `"userId" = ANY(s.users)` },
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
