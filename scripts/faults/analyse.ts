/**
 * Judges a fault run: what the app answered during each outage, how fast it
 * recovered, and whether every acknowledged post is in the database exactly
 * once. Pure: the run's records in, figures and broken guarantees out.
 */
import { HANG_MS, type Attempt, type ClientRun } from "./posting-clients.ts";

/** The pool's connect timeout (lib/prisma-client.ts): a 503 must come within it, plus a margin for a loaded machine. */
export const CONNECT_TIMEOUT_MS = 5_000;
const LATENCY_MARGIN_MS = 1_500;
export const RECOVERY_LIMIT_MS = 5_000;

export interface Outage {
  mode: "fast" | "immediate";
  downAt: number;
  /** When the server had finished stopping. */
  stoppedAt: number;
  /** When the start command was issued. */
  startingAt: number;
  /** When the start command returned: the server accepts connections (pg_ctl polls, so it may have been ready a little earlier). */
  upAt: number;
}

export interface FaultInput {
  run: ClientRun;
  outages: Outage[];
  rows: Array<{ id: string; body: string }>;
  records: Array<{ status: number; n: number }>;
  serverAlive: boolean;
  elapsedMs: number;
  clients: number;
}

const isClean503 = (attempt: Attempt) => attempt.status === 503 && (attempt.error ?? "").includes("database unavailable") && attempt.retryAfter !== undefined;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function analyse({ run, outages, rows, records, serverAlive, elapsedMs, clients }: FaultInput) {
  const failures: string[] = [];
  const { attempts, intents } = run;
  const byStatus: Record<string, number> = {};
  for (const attempt of attempts) byStatus[attempt.status] = (byStatus[attempt.status] ?? 0) + 1;

  const outageFigures = outages.map((outage) => {
    // Requests sent while the server was certainly down: after it stopped, before the start was issued.
    const during = attempts.filter((attempt) => attempt.startedAt >= outage.stoppedAt && attempt.startedAt < outage.startingAt);
    const unclean = during.filter((attempt) => !isClean503(attempt));
    const latencies = during.filter(isClean503).map((attempt) => attempt.ms);
    const firstSuccess = attempts
      .filter((attempt) => attempt.status === 200 && attempt.startedAt >= outage.upAt)
      .map((attempt) => attempt.startedAt + attempt.ms)
      .sort((a, b) => a - b)[0];
    const recoveryMs = firstSuccess === undefined ? null : firstSuccess - outage.upAt;
    const firstSuccessAfterStartIssued = attempts
      .filter((attempt) => attempt.status === 200 && attempt.startedAt >= outage.startingAt)
      .map((attempt) => attempt.startedAt + attempt.ms)
      .sort((a, b) => a - b)[0];
    if (during.length === 0) failures.push(`${outage.mode} outage: no request reached the app while the database was down`);
    if (unclean.length > 0) failures.push(`${outage.mode} outage: ${unclean.length} answers were not clean 503s (${unclean.slice(0, 3).map((a) => `${a.status} ${a.error ?? ""}`).join("; ")})`);
    const slowest = Math.max(0, ...latencies);
    if (slowest > CONNECT_TIMEOUT_MS + LATENCY_MARGIN_MS) failures.push(`${outage.mode} outage: a 503 took ${slowest} ms, more than the ${CONNECT_TIMEOUT_MS} ms connect timeout`);
    if (recoveryMs === null || recoveryMs > RECOVERY_LIMIT_MS) failures.push(`${outage.mode} outage: recovery took ${recoveryMs ?? "forever"} ms (limit ${RECOVERY_LIMIT_MS})`);
    return {
      mode: outage.mode,
      stopMs: outage.stoppedAt - outage.downAt,
      startMs: outage.upAt - outage.startingAt,
      downMs: outage.upAt - outage.downAt,
      requestsWhileDown: during.length,
      clean503: latencies.length,
      unclean: unclean.length,
      latency503Ms: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: slowest },
      recoveryMs,
      recoveryFromStartIssuedMs: firstSuccessAfterStartIssued === undefined ? null : firstSuccessAfterStartIssued - outage.startingAt,
    };
  });

  const hung = attempts.filter((attempt) => attempt.status === 0 && attempt.ms >= HANG_MS - 100);
  if (hung.length > 0) failures.push(`${hung.length} requests hung for ${HANG_MS / 1000} s`);
  const broken = attempts.filter((attempt) => attempt.status === 0 || (attempt.status >= 500 && !isClean503(attempt)));
  if (broken.length > 0) failures.push(`${broken.length} requests got no answer or a 5xx other than a clean 503 (${broken.slice(0, 3).map((a) => `${a.status} ${a.error ?? ""}`).join("; ")})`);
  if (!serverAlive) failures.push("the app process died");

  const rowsByBody = new Map<string, string[]>();
  for (const row of rows) rowsByBody.set(row.body, [...(rowsByBody.get(row.body) ?? []), row.id]);
  const succeeded = intents.filter((intent) => intent.id);
  const notExactlyOnce = succeeded.filter((intent) => (rowsByBody.get(intent.body) ?? []).length !== 1 || rowsByBody.get(intent.body)![0] !== intent.id);
  const inconsistentReplays = succeeded.filter((intent) => new Set(intent.ids).size !== 1);
  const known = new Set(intents.map((intent) => intent.body));
  const strays = rows.filter((row) => !known.has(row.body));
  const unfinishedButStored = intents.filter((intent) => !intent.id && (rowsByBody.get(intent.body) ?? []).length > 1);
  if (notExactlyOnce.length > 0) failures.push(`${notExactlyOnce.length} acknowledged posts are not in the database exactly once`);
  if (inconsistentReplays.length > 0) failures.push(`${inconsistentReplays.length} keys answered with different ids`);
  if (strays.length > 0 || unfinishedButStored.length > 0) failures.push(`${strays.length + unfinishedButStored.length} posts stored that no client asked for, or stored twice`);
  const placeholderRecords = records.filter((record) => record.status !== 200).reduce((sum, record) => sum + record.n, 0);
  const storedRecords = records.filter((record) => record.status === 200).reduce((sum, record) => sum + record.n, 0);
  if (placeholderRecords > 0) failures.push(`${placeholderRecords} idempotency records were left half-written`);
  if (storedRecords !== succeeded.length) failures.push(`${storedRecords} idempotency records for ${succeeded.length} posts`);

  const duplicates = attempts.filter((attempt) => attempt.duplicate);
  const retriesAfterFailure = attempts.filter((attempt) => !attempt.duplicate && attempt.replayed);
  return {
    clients,
    elapsedMs,
    requests: attempts.length,
    byStatus,
    posts: { acknowledged: succeeded.length, rowsInDatabase: rows.length, notExactlyOnce: notExactlyOnce.length },
    idempotency: {
      deliberateRepeats: duplicates.length,
      repeatsReplayed: duplicates.filter((attempt) => attempt.status === 200 && attempt.replayed).length,
      retriesAnsweredFromStoredResponse: retriesAfterFailure.length,
      records: storedRecords,
    },
    outages: outageFigures,
    serverAlive,
    failures,
  };
}
