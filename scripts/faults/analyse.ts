/**
 * Judges a fault run: what the app answered during each outage, how fast it
 * recovered, and whether every acknowledged post is in the database exactly
 * once. Pure: the run's records in, figures and broken guarantees out.
 */
import { HANG_MS, type Attempt, type ClientRun } from "./posting-clients.ts";

/** The pool's connect timeout (lib/prisma-client.ts): a failed request must answer within it, plus a margin for a loaded machine. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Room for the machine: the event loops of the app and of the 20 clients, on a shared 2-core box. */
export const LATENCY_MARGIN_MS = 1_500;
/** The bound on every failed request: connect timeout plus margin. */
export const FAILURE_LATENCY_LIMIT_MS = CONNECT_TIMEOUT_MS + LATENCY_MARGIN_MS;
/** A request started this long after the database accepts connections again must succeed. */
export const RECOVERY_LIMIT_MS = 5_000;
/** Fewer requests than this between the recovery limit and the next stop would make the recovery check vacuous. */
export const MIN_REQUESTS_AFTER_RECOVERY = 20;

export interface Outage {
  mode: "fast" | "immediate";
  /** When the stop command was issued: a request still open then was in flight at the stop. */
  downAt: number;
  /** When the server had finished stopping. */
  stoppedAt: number;
  /** When the start command was issued. */
  startingAt: number;
  /** When a probe connection (tried every 25 ms from the start command on) was first accepted. */
  acceptingAt: number;
  /** When the start command returned (pg_ctl polls, so later than acceptingAt). */
  upAt: number;
}

export interface FaultInput {
  run: ClientRun;
  outages: Outage[];
  /** When the clients were told to stop (they finish the post they are on). */
  stoppedClientsAt: number;
  rows: Array<{ id: string; body: string }>;
  records: Array<{ status: number; n: number }>;
  serverAlive: boolean;
  elapsedMs: number;
  clients: number;
}

export const isClean503 = (attempt: Pick<Attempt, "status" | "error" | "retryAfter">) =>
  attempt.status === 503 && (attempt.error ?? "").includes("database unavailable") && attempt.retryAfter !== undefined;
const endOf = (attempt: Attempt) => attempt.startedAt + attempt.ms;
const failed = (attempt: Attempt) => attempt.status !== 200;
const describe = (attempt: Attempt, origin: number) => `${attempt.status} ${(attempt.error ?? "").slice(0, 60)} (started ${attempt.startedAt - origin} ms, took ${attempt.ms} ms)`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function analyse({ run, outages, stoppedClientsAt, rows, records, serverAlive, elapsedMs, clients }: FaultInput) {
  const failures: string[] = [];
  const { attempts, intents } = run;
  const origin = Math.min(...attempts.map((attempt) => attempt.startedAt));
  const byStatus: Record<string, number> = {};
  for (const attempt of attempts) byStatus[attempt.status] = (byStatus[attempt.status] ?? 0) + 1;

  const outageFigures = outages.map((outage, index) => {
    // Every request open at any moment from the stop command to the first accepted connection, including those in flight at the stop.
    const during = attempts.filter((attempt) => attempt.startedAt <= outage.acceptingAt && endOf(attempt) >= outage.downAt);
    const failedDuring = during.filter(failed);
    const unclean = failedDuring.filter((attempt) => !isClean503(attempt));
    const latencies = failedDuring.map((attempt) => attempt.ms);
    const inFlightAtStop = during.filter((attempt) => attempt.startedAt < outage.downAt);
    const slowest = Math.max(0, ...latencies);
    if (failedDuring.length === 0) failures.push(`${outage.mode} outage: no request failed while the database was down (did the outage reach the app?)`);
    if (unclean.length > 0) failures.push(`${outage.mode} outage: ${unclean.length} failed requests were not clean 503s (${unclean.slice(0, 3).map((a) => describe(a, outage.downAt)).join("; ")})`);
    if (slowest > FAILURE_LATENCY_LIMIT_MS) failures.push(`${outage.mode} outage: a failed request took ${slowest} ms, more than the ${CONNECT_TIMEOUT_MS} ms connect timeout plus ${LATENCY_MARGIN_MS} ms`);

    // Recovery: from the first accepted connection, how long until a success, and no failure on a request started 5 s or more after it.
    const nextDownAt = outages[index + 1]?.downAt ?? Number.POSITIVE_INFINITY;
    const windowEnd = Math.min(nextDownAt, stoppedClientsAt);
    const afterUp = attempts.filter((attempt) => attempt.startedAt >= outage.acceptingAt && attempt.startedAt < nextDownAt && endOf(attempt) < nextDownAt);
    const firstSuccess = afterUp.filter((attempt) => attempt.status === 200).map(endOf).sort((a, b) => a - b)[0];
    const lastFailureStarted = afterUp.filter(failed).map((attempt) => attempt.startedAt).sort((a, b) => b - a)[0];
    const afterLimit = afterUp.filter((attempt) => attempt.startedAt >= outage.acceptingAt + RECOVERY_LIMIT_MS && attempt.startedAt < windowEnd);
    const failedAfterLimit = afterLimit.filter(failed);
    if (firstSuccess === undefined) failures.push(`${outage.mode} outage: no request succeeded after the database was back`);
    if (afterLimit.length < MIN_REQUESTS_AFTER_RECOVERY)
      failures.push(`${outage.mode} outage: only ${afterLimit.length} requests started between ${RECOVERY_LIMIT_MS} ms after the database was back and the end of the window, too few to show recovery`);
    if (failedAfterLimit.length > 0)
      failures.push(`${outage.mode} outage: ${failedAfterLimit.length} requests started more than ${RECOVERY_LIMIT_MS} ms after the database accepted connections failed (${failedAfterLimit.slice(0, 3).map((a) => describe(a, outage.acceptingAt)).join("; ")})`);
    return {
      mode: outage.mode,
      stopMs: outage.stoppedAt - outage.downAt,
      /** From the start command to the first accepted connection, and to pg_ctl returning. */
      startMs: outage.acceptingAt - outage.startingAt,
      pgCtlStartMs: outage.upAt - outage.startingAt,
      downMs: outage.acceptingAt - outage.downAt,
      requestsDuringOutage: during.length,
      inFlightAtStop: inFlightAtStop.length,
      inFlightAtStopFailed: inFlightAtStop.filter(failed).length,
      failed: failedDuring.length,
      clean503: failedDuring.length - unclean.length,
      unclean: unclean.length,
      failureLatencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: slowest },
      firstSuccessAfterUpMs: firstSuccess === undefined ? null : firstSuccess - outage.acceptingAt,
      lastFailureStartedAfterUpMs: lastFailureStarted === undefined ? null : lastFailureStarted - outage.acceptingAt,
      requestsAfterRecoveryLimit: afterLimit.length,
      failedAfterRecoveryLimit: failedAfterLimit.length,
    };
  });

  // Over the whole run: a failed request must be a clean 503 within the bound, and must touch an outage
  // (open at or after its stop command, started before 5 s after the database was back). Anything else,
  // a 4xx included (the clients provoke none), is broken.
  const hung = attempts.filter((attempt) => attempt.status === 0 && attempt.ms >= HANG_MS - 100);
  if (hung.length > 0) failures.push(`${hung.length} requests hung for ${HANG_MS / 1000} s`);
  const broken = attempts.filter((attempt) => failed(attempt) && !isClean503(attempt));
  if (broken.length > 0) failures.push(`${broken.length} requests got something other than a 200 or a clean 503 (${broken.slice(0, 3).map((a) => describe(a, origin)).join("; ")})`);
  const slow = attempts.filter((attempt) => failed(attempt) && attempt.ms > FAILURE_LATENCY_LIMIT_MS);
  if (slow.length > 0) failures.push(`${slow.length} failed requests took longer than ${FAILURE_LATENCY_LIMIT_MS} ms (${slow.slice(0, 3).map((a) => describe(a, origin)).join("; ")})`);
  const outsideOutages = attempts.filter((attempt) => failed(attempt) && !outages.some((outage) => endOf(attempt) >= outage.downAt && attempt.startedAt < outage.acceptingAt + RECOVERY_LIMIT_MS));
  if (outsideOutages.length > 0) failures.push(`${outsideOutages.length} requests failed outside the outages (${outsideOutages.slice(0, 3).map((a) => describe(a, origin)).join("; ")})`);
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

  // Deliberate repeats of a key that had succeeded: each must answer the stored response (same id) and create nothing.
  const intentByKey = new Map(intents.map((intent) => [intent.key, intent]));
  const duplicates = attempts.filter((attempt) => attempt.duplicate);
  const repeatAnswers = duplicates.filter((attempt) => attempt.status === 200);
  const badRepeats = repeatAnswers.filter((attempt) => !attempt.replayed || attempt.id !== intentByKey.get(attempt.key)?.id);
  if (repeatAnswers.length === 0) failures.push("no deliberate repeat of a succeeded key was answered");
  if (badRepeats.length > 0) failures.push(`${badRepeats.length} repeats of a succeeded key were not answered from the stored response with the same id`);
  // Opportunistic: a post that committed but whose answer was lost (it failed), then retried and answered from the stored response.
  const retriesAfterFailure = attempts.filter((attempt) => !attempt.duplicate && attempt.replayed);
  const keysWithFailure = new Set(attempts.filter(failed).map((attempt) => attempt.key));
  const replayedWithoutFailure = retriesAfterFailure.filter((attempt) => !keysWithFailure.has(attempt.key));
  if (replayedWithoutFailure.length > 0) failures.push(`${replayedWithoutFailure.length} first posts of a new key were answered as replays`);
  return {
    clients,
    elapsedMs,
    requests: attempts.length,
    byStatus,
    failureLatencyLimitMs: FAILURE_LATENCY_LIMIT_MS,
    posts: { acknowledged: succeeded.length, rowsInDatabase: rows.length, notExactlyOnce: notExactlyOnce.length },
    idempotency: {
      deliberateRepeats: repeatAnswers.length,
      repeatAttemptsThatFailedFirst: duplicates.length - repeatAnswers.length,
      repeatsReplayedSameId: repeatAnswers.length - badRepeats.length,
      retriesAnsweredFromStoredResponse: retriesAfterFailure.length,
      records: storedRecords,
    },
    outages: outageFigures,
    serverAlive,
    failures,
  };
}
