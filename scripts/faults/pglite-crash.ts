/**
 * Kills the embedded database (PGlite behind its wire-protocol server) with SIGKILL
 * while it commits batches, restarts it on the same folder, and counts what
 * survived: acknowledged batches lost, batches half-written, and whether it
 * opens at all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { findFreePort } from "../embedded-postgres.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

export interface CrashRound {
  round: number;
  killAfterMs: number;
  /** When the kill was sent, from the first write (later than killAfterMs if fewer than MIN_ACKNOWLEDGED batches were in). */
  killedAfterMs: number;
  acknowledged: number;
  survived: number;
  lostAcknowledged: number;
  partialBatches: number;
  committedUnacknowledged: number;
  /** Whether the kill landed inside a transaction (after BEGIN, before COMMIT was acknowledged). */
  killedMidTransaction: boolean;
  restartMs: number | null;
  opened: boolean;
  error?: string;
}

async function startChild(dataDir: string, port: number): Promise<{ child: ChildProcess; readyMs: number }> {
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must hit the process that holds the database.
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "pglite-child.ts"), dataDir, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded database did not start in 120 s: ${stderr.slice(-300)}`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded database exited with ${code}: ${stderr.slice(-500)}`));
    });
  });
  return { child, readyMs: Date.now() - started };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill(signal);
  });
}

const BATCH = 10;
/** A round kills only once this many batches were acknowledged (or after 30 s, and then fails). */
export const MIN_ACKNOWLEDGED = 5;

/** One round: write 10-row transactions as fast as the database takes them, SIGKILL it after `killAfterMs`, restart, count. */
async function crashRound(dataDir: string, round: number, killAfterMs: number): Promise<CrashRound> {
  const port = await findFreePort();
  const { child } = await startChild(dataDir, port);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on("error", () => {});
  await client.query(`CREATE TABLE IF NOT EXISTS fault_probe (round int, batch int, n int, payload text)`);
  const acknowledged: number[] = [];
  let stop = false;
  let inTransaction = false;
  let killedMidTransaction = false;
  const writer = (async () => {
    for (let batch = 0; !stop; batch++) {
      try {
        inTransaction = true;
        await client.query("BEGIN");
        for (let n = 0; n < BATCH; n++) await client.query(`INSERT INTO fault_probe VALUES ($1, $2, $3, repeat('x', 200))`, [round, batch, n]);
        await client.query("COMMIT");
        inTransaction = false;
        acknowledged.push(batch);
      } catch {
        killedMidTransaction = inTransaction;
        return;
      }
    }
  })();
  // Kill after `killAfterMs`, but not before a few batches were acknowledged: a round with none would show nothing.
  const writesFrom = Date.now();
  while (Date.now() - writesFrom < killAfterMs || (acknowledged.length < MIN_ACKNOWLEDGED && Date.now() - writesFrom < 30_000)) await new Promise((done) => setTimeout(done, 5));
  const killedAfterMs = Date.now() - writesFrom;
  await stopChild(child, "SIGKILL");
  stop = true;
  await writer;
  await client.end().catch(() => {});

  const restartPort = await findFreePort();
  const result: CrashRound = { round, killAfterMs, killedAfterMs, acknowledged: acknowledged.length, survived: 0, lostAcknowledged: 0, partialBatches: 0, committedUnacknowledged: 0, killedMidTransaction, restartMs: null, opened: false };
  let restarted: ChildProcess | undefined;
  try {
    const started = await startChild(dataDir, restartPort);
    restarted = started.child;
    result.restartMs = started.readyMs;
    const check = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${restartPort}/postgres?sslmode=disable` });
    await check.connect();
    const { rows } = await check.query(`SELECT batch, count(*)::int AS n FROM fault_probe WHERE round = $1 GROUP BY batch`, [round]);
    await check.end();
    result.opened = true;
    const present = new Map((rows as Array<{ batch: number; n: number }>).map((row) => [row.batch, row.n]));
    result.survived = [...present.values()].filter((n) => n === BATCH).length;
    result.partialBatches = [...present.values()].filter((n) => n !== BATCH).length;
    result.lostAcknowledged = acknowledged.filter((batch) => present.get(batch) !== BATCH).length;
    const acked = new Set(acknowledged);
    result.committedUnacknowledged = [...present.keys()].filter((batch) => !acked.has(batch)).length;
  } catch (error) {
    result.error = String(error).slice(0, 300);
  } finally {
    if (restarted) await stopChild(restarted, "SIGTERM");
  }
  return result;
}

/** Three rounds on one folder, killed at different moments. */
export async function runPgliteCrashTest(): Promise<CrashRound[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "gloss-faults-pglite-"));
  const rounds: CrashRound[] = [];
  try {
    for (const [round, killAfterMs] of [700, 1500, 2300].entries()) rounds.push(await crashRound(dataDir, round, killAfterMs));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rounds;
}
