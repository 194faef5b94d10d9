/**
 * The case a retrying client exists for, forced instead of hoped for: a post
 * commits, its answer never reaches the client, the database goes down, the
 * client retries with the same Idempotency-Key. The retry during the outage
 * must fail cleanly (503) even though the post exists; the retry after the
 * database is back must answer the stored response (same id, marked as a
 * replay) and create nothing. Then the key is reused for a different body,
 * which must be refused (422) and create nothing either.
 *
 * The answer is lost on purpose: the probe watches the database until the
 * post's idempotency record has committed, then drops the connection without
 * reading the response.
 */
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import type pg from "pg";
import { FAILURE_LATENCY_LIMIT_MS, isClean503 } from "./analyse.ts";
import type { Selectors } from "./posting-clients.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface ProbeAttempt {
  startedAt: number;
  ms: number;
  status: number;
  error?: string;
  retryAfter?: string;
  replayed: boolean;
  id?: string;
}

export interface LostAnswer {
  mode: string;
  key: string;
  /** The id the database holds for the post, read before the connection was dropped. */
  committedId: string | null;
  /** From sending the post to seeing its commit in the database. */
  commitSeenMs: number | null;
  /** Whether the response had already started to arrive when the connection was dropped (it was never read). */
  responseHeadersArrivedBeforeDrop: boolean;
  retriesDuringOutage: number;
  /** Retries that failed although the post had committed: must be clean 503s within the bound. */
  failedRetries: number;
  uncleanOrSlowRetries: number;
  finalStatus: number;
  finalReplayed: boolean;
  finalId: string | null;
  /** Rows with the post's body and idempotency records for its key, after everything. */
  rows: number;
  records: number;
  /** The same key with a different body, sent on purpose: must be 422. */
  reusedKeyStatus: number;
  reusedKeyRows: number;
  failures: string[];
}

async function post(baseUrl: string, cookie: string, key: string, target: Selectors, body: string): Promise<ProbeAttempt> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}/api/annotations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, cookie, "idempotency-key": key, "x-forwarded-for": "10.92.0.1" },
      body: JSON.stringify({ versionId: target.versionId, selectors: target.selectors, body }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    const id = response.ok ? ((JSON.parse(text) as { id?: string }).id ?? undefined) : undefined;
    return { startedAt, ms: Date.now() - startedAt, status: response.status, error: response.ok ? undefined : text.slice(0, 120), retryAfter: response.headers.get("retry-after") ?? undefined, replayed: response.headers.get("idempotent-replayed") === "true", id };
  } catch (error) {
    return { startedAt, ms: Date.now() - startedAt, status: 0, error: String((error as Error).cause ?? error).slice(0, 120), replayed: false };
  }
}

export class LostAnswerProbe {
  readonly key = randomUUID();
  readonly body = `Fault test lost answer ${this.key}`;
  private committedId: string | null = null;
  private commitSeenMs: number | null = null;
  private headersArrived = false;
  private retries: ProbeAttempt[] = [];
  private retrying: Promise<ProbeAttempt | null> | null = null;
  private stopRetrying = false;

  constructor(
    private readonly mode: string,
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly target: Selectors,
    private readonly db: pg.Pool,
  ) {}

  /** Sends the post, waits until it has committed, then drops the connection unread. */
  async commitAndLoseAnswer(): Promise<void> {
    const url = new URL(`${this.baseUrl}/api/annotations`);
    const payload = JSON.stringify({ versionId: this.target.versionId, selectors: this.target.selectors, body: this.body });
    const sentAt = Date.now();
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), origin: this.baseUrl, cookie: this.cookie, "idempotency-key": this.key, "x-forwarded-for": "10.92.0.1" },
    });
    req.on("response", () => (this.headersArrived = true));
    req.on("error", () => {});
    req.end(payload);
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(5)) {
      const { rows } = await this.db.query(`SELECT response->>'id' AS id FROM "IdempotencyRecord" WHERE key = $1 AND status = 200`, [this.key]);
      if (rows.length > 0) {
        this.committedId = (rows[0] as { id: string }).id;
        this.commitSeenMs = Date.now() - sentAt;
        break;
      }
    }
    req.destroy();
  }

  /** Retries with the same key every 250 ms until a 200, from now (the database is down) on. */
  startRetrying(): void {
    this.retrying = (async () => {
      for (let tries = 0; !this.stopRetrying && tries < 200; tries++) {
        const attempt = await post(this.baseUrl, this.cookie, this.key, this.target, this.body);
        this.retries.push(attempt);
        if (attempt.status === 200) return attempt;
        await sleep(250);
      }
      return null;
    })();
  }

  /** Waits for the retry to succeed (the database is back), checks the database, and reuses the key for a different body. */
  async finish(): Promise<LostAnswer> {
    const final = await Promise.race([this.retrying ?? Promise.resolve(null), sleep(30_000).then(() => null)]);
    this.stopRetrying = true;
    const failedRetries = this.retries.filter((attempt) => attempt.status !== 200);
    const uncleanOrSlow = failedRetries.filter((attempt) => !isClean503(attempt) || attempt.ms > FAILURE_LATENCY_LIMIT_MS);
    const reusedBody = `${this.body} (different)`;
    const reused = await post(this.baseUrl, this.cookie, this.key, this.target, reusedBody);
    const count = async (sql: string, value: string) => ((await this.db.query(sql, [value])).rows[0] as { n: number }).n;
    const rows = await count(`SELECT count(*)::int AS n FROM "Annotation" WHERE body = $1`, this.body);
    const records = await count(`SELECT count(*)::int AS n FROM "IdempotencyRecord" WHERE key = $1`, this.key);
    const reusedKeyRows = await count(`SELECT count(*)::int AS n FROM "Annotation" WHERE body = $1`, reusedBody);
    const result: LostAnswer = {
      mode: this.mode,
      key: this.key,
      committedId: this.committedId,
      commitSeenMs: this.commitSeenMs,
      responseHeadersArrivedBeforeDrop: this.headersArrived,
      retriesDuringOutage: this.retries.length,
      failedRetries: failedRetries.length,
      uncleanOrSlowRetries: uncleanOrSlow.length,
      finalStatus: final?.status ?? 0,
      finalReplayed: final?.replayed ?? false,
      finalId: final?.id ?? null,
      rows,
      records,
      reusedKeyStatus: reused.status,
      reusedKeyRows,
      failures: [],
    };
    const fail = (message: string) => result.failures.push(`lost answer (${this.mode} outage): ${message}`);
    if (!this.committedId) fail("the post never committed before the stop");
    if (failedRetries.length === 0) fail("no retry failed while the database was down, so the case was not exercised");
    if (uncleanOrSlow.length > 0) fail(`${uncleanOrSlow.length} retries were not clean 503s within ${FAILURE_LATENCY_LIMIT_MS} ms (${uncleanOrSlow.slice(0, 2).map((a) => `${a.status} in ${a.ms} ms`).join("; ")})`);
    if (!final) fail("the retry never succeeded after the database was back");
    else if (!final.replayed || final.id !== this.committedId) fail(`the retry answered ${final.replayed ? "a replay" : "a fresh post"} with id ${final.id}, committed id ${this.committedId}`);
    if (rows !== 1 || records !== 1) fail(`${rows} rows and ${records} idempotency records for the post (expected 1 and 1)`);
    if (reused.status !== 422 || reusedKeyRows !== 0) fail(`the key reused for a different body answered ${reused.status} and stored ${reusedKeyRows} rows (expected 422 and 0)`);
    return result;
  }
}
