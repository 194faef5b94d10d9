/**
 * Clients that post annotations the way a careful client should: every
 * post carries an Idempotency-Key, and a post that fails (503, a dropped
 * connection, a timeout) is retried with the same key until it succeeds.
 * Every response is recorded with its time, so the report can tell what the
 * app answered while the database was away.
 */
import { randomUUID } from "node:crypto";

export interface Selectors {
  versionId: string;
  selectors: { exact: string; prefix: string; suffix: string; start: number; end: number; startBlockId: string };
}

export interface Attempt {
  client: number;
  key: string;
  startedAt: number;
  ms: number;
  /** HTTP status, or 0 when no response came (connection refused/reset, timeout). */
  status: number;
  error?: string;
  replayed: boolean;
  id?: string;
  retryAfter?: string;
  /** A deliberate repeat of a post that had already succeeded. */
  duplicate: boolean;
}

export interface Intent {
  client: number;
  key: string;
  body: string;
  /** The id of the first success. */
  id?: string;
  /** Ids every success with this key returned (all must be equal). */
  ids: string[];
}

export interface ClientRun {
  attempts: Attempt[];
  intents: Intent[];
}

/** Longer than the pool's 5 s connect timeout plus a margin: a request still open then counts as hung. */
export const HANG_MS = 20_000;

async function postOnce(baseUrl: string, cookie: string, client: number, intent: Intent, target: Selectors, duplicate: boolean): Promise<Attempt> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}/api/annotations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, cookie, "idempotency-key": intent.key, "x-forwarded-for": `10.90.${client}.1` },
      body: JSON.stringify({ versionId: target.versionId, selectors: target.selectors, body: intent.body }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await response.text();
    const id = response.ok ? ((JSON.parse(text) as { id?: string }).id ?? undefined) : undefined;
    return { client, key: intent.key, startedAt, ms: Date.now() - startedAt, status: response.status, replayed: response.headers.get("idempotent-replayed") === "true", retryAfter: response.headers.get("retry-after") ?? undefined, id, duplicate, error: response.ok ? undefined : text.slice(0, 120) };
  } catch (error) {
    return { client, key: intent.key, startedAt, ms: Date.now() - startedAt, status: 0, replayed: false, duplicate, error: String((error as Error).cause ?? error).slice(0, 120) };
  }
}

/** Every fourth success of a client is sent again with the same key. */
export const REPEAT_EVERY = 4;

/**
 * Runs `cookies.length` clients until `shouldStop()` says so; each finishes
 * the post it is on (retrying until it succeeds) before stopping. After every
 * fourth success the post is sent again with the same key, as a client that
 * lost the response would, and that repeat too is retried until it gets a 200
 * (which must be the stored answer: same id, nothing new created).
 */
export async function runPostingClients(baseUrl: string, cookies: string[], target: Selectors, shouldStop: () => boolean, run: ClientRun = { attempts: [], intents: [] }): Promise<ClientRun> {
  // `run` fills as the clients go, so the caller can watch progress.
  const { attempts, intents } = run;
  const pause = () => new Promise((done) => setTimeout(done, 100 + Math.random() * 150));
  /** Sends until a 200 with an id; returns it. */
  const untilSuccess = async (cookie: string, client: number, intent: Intent, duplicate: boolean) => {
    for (let retry = 0; ; retry++) {
      const attempt = await postOnce(baseUrl, cookie, client, intent, target, duplicate);
      attempts.push(attempt);
      if (attempt.status === 200 && attempt.id) return attempt.id;
      if (retry > 400) throw new Error(`client ${client} gave up on ${intent.key}: ${attempt.status} ${attempt.error}`);
      await pause();
    }
  };
  await Promise.all(
    cookies.map(async (cookie, client) => {
      for (let successes = 1; !shouldStop(); successes++) {
        const key = randomUUID();
        const intent: Intent = { client, key, body: `Fault test post ${key}`, ids: [] };
        intents.push(intent);
        intent.id = await untilSuccess(cookie, client, intent, false);
        intent.ids.push(intent.id);
        if (successes % REPEAT_EVERY === 0) intent.ids.push(await untilSuccess(cookie, client, intent, true));
      }
    }),
  );
  return run;
}
