/**
 * `npm start` on the embedded database, killed with SIGKILL while a client
 * posts annotations, then started again on the same data folder: does the
 * server go away with it (or linger holding the port), and are the posts the
 * app acknowledged still there?
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { signIn } from "../bench/app-server.ts";
import { findFreePort } from "../embedded-postgres.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface LauncherCrash {
  acknowledged: number;
  survived: number;
  lostAcknowledged: number;
  /** Whether the Next.js server was gone (port free) within 5 s of the launcher's SIGKILL. */
  serverStoppedWithLauncher: boolean;
  restartMs: number | null;
  error?: string;
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });
}

async function launch(dataDir: string, port: number, dbPort: number): Promise<{ child: ChildProcess; readyMs: number }> {
  // As a person runs it: no DATABASE_URL (so the embedded database), no NODE_ENV.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL" && name !== "NODE_ENV"));
  const env: Record<string, string | undefined> = { ...inherited, PORT: String(port), HOST: "127.0.0.1", GLOSS_DATA_DIR: dataDir, GLOSS_EMBEDDED_DB_PORT: String(dbPort), GLOSS_RATE_LIMIT_SCALE: "1000", GLOSS_DEV_OUTBOX: "1" };
  // Node itself, not the tsx wrapper: the SIGKILL must hit the launcher.
  // NODE_ENV is left unset on purpose, which the ProcessEnv type (made stricter by Next.js) does not allow for.
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/launch.ts"), "start"], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: "ignore" });
  const started = Date.now();
  for (;;) {
    const ready = (await portIsOpen(dbPort)) && (await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok).catch(() => false));
    if (ready && child.exitCode === null) return { child, readyMs: Date.now() - started };
    if (child.exitCode !== null || Date.now() - started > 180_000) throw new Error(`npm start did not come up (exit ${child.exitCode})`);
    await sleep(250);
  }
}

export async function runLauncherCrashTest(): Promise<LauncherCrash> {
  const dataDir = mkdtempSync(join(tmpdir(), "gloss-faults-launch-"));
  const port = await findFreePort();
  const dbPort = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`;
  const result: LauncherCrash = { acknowledged: 0, survived: 0, lostAcknowledged: 0, serverStoppedWithLauncher: false, restartMs: null };
  let launcher: ChildProcess | undefined;
  try {
    launcher = (await launch(dataDir, port, dbPort)).child;
    const email = `launch-${randomUUID().slice(0, 8)}@faults.test`;
    const password = "Violet staple 93 battery horse";
    const signup = await fetch(`${baseUrl}/api/account/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password, name: "Launcher client", handle: `launch_${randomUUID().slice(0, 8)}` }),
    });
    if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status}`);
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await db.query(`UPDATE "User" SET "emailVerifiedAt" = now(), "createdAt" = now() - interval '30 days' WHERE email = $1`, [email]);
    const target = (
      await db.query(
        `SELECT a."versionId", a."quoteExact" AS exact, a."quotePrefix" AS prefix, a."quoteSuffix" AS suffix, a."positionStart" AS start, a."positionEnd" AS "end", a."startBlockId"
           FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
          WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
      )
    ).rows[0] as { versionId: string; exact: string; prefix: string; suffix: string; start: number; end: number; startBlockId: string };
    await db.end();
    const cookie = await signIn(baseUrl, email, password);
    const acknowledged: string[] = [];
    let stop = false;
    const poster = (async () => {
      while (!stop) {
        const body = `Launcher post ${randomUUID()}`;
        const { versionId, ...selectors } = target;
        const response = await fetch(`${baseUrl}/api/annotations`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: baseUrl, cookie, "idempotency-key": randomUUID() },
          body: JSON.stringify({ versionId, selectors, body }),
        }).catch(() => null);
        if (response?.status === 200) acknowledged.push(body);
        else if (!response) return;
      }
    })();
    // Kill after 2.5 s of posting, but not before a few posts were acknowledged: with none the test would show nothing.
    for (const from = Date.now(); Date.now() - from < 2_500 || (acknowledged.length < 5 && Date.now() - from < 30_000); ) await sleep(10);
    launcher.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((done) => launcher!.once("exit", done));
    while (Date.now() - killedAt < 5_000 && (await portIsOpen(port))) await sleep(100);
    result.serverStoppedWithLauncher = !(await portIsOpen(port));
    stop = true;
    await Promise.race([poster, sleep(20_000)]);
    result.acknowledged = acknowledged.length;

    // The old server may still be finishing its graceful stop: wait for both ports to be free.
    for (const started = Date.now(); Date.now() - started < 20_000 && ((await portIsOpen(port)) || (await portIsOpen(dbPort))); ) await sleep(100);
    const restarted = await launch(dataDir, port, dbPort);
    launcher = restarted.child;
    result.restartMs = restarted.readyMs;
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const present = new Set(((await check.query(`SELECT body FROM "Annotation" WHERE body LIKE 'Launcher post %'`)).rows as Array<{ body: string }>).map((row) => row.body));
    await check.end();
    result.survived = acknowledged.filter((body) => present.has(body)).length;
    result.lostAcknowledged = acknowledged.length - result.survived;
  } catch (error) {
    result.error = String(error).slice(0, 300);
  } finally {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill("SIGTERM");
      await Promise.race([new Promise((done) => launcher!.once("exit", done)), sleep(15_000)]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}
