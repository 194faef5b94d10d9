/**
 * npm run test:faults: the production app against a throwaway PostgreSQL
 * cluster that is restarted (cleanly, then as a crash) while 20 clients post
 * annotations with Idempotency-Keys; then the embedded database killed with
 * SIGKILL mid-write, alone and inside `npm start`. Prints the figures, writes them to
 * test-results/faults.json, and exits non-zero when a guarantee is broken.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import pg from "pg";
import { findChromium } from "../../e2e/support/find-chromium.ts";
import { signIn } from "../bench/app-server.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { findFreePort } from "../embedded-postgres.ts";
import { seedDatabase } from "../seed.ts";
import { runLauncherCrashTest } from "./launcher-crash.ts";
import { MIN_ACKNOWLEDGED, runPgliteCrashTest } from "./pglite-crash.ts";
import { runPostingClients, type ClientRun, type Selectors } from "./posting-clients.ts";
import { startThrowawayPostgres } from "./throwaway-postgres.ts";
import { analyse, MIN_REQUESTS_AFTER_RECOVERY, RECOVERY_LIMIT_MS, type Outage } from "./analyse.ts";
import { LostAnswerProbe } from "./lost-answer.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface PageCheck {
  when: string;
  status: number;
  ms: number;
  /** The page says the site is briefly unavailable (app/error.tsx or app/global-error.tsx). */
  errorPage: boolean;
}

/**
 * The article page in Chromium, as a reader would load it: its status, how
 * long until the page said something, and whether that was the error page.
 * When the root layout cannot reach the database, Next.js sends a bare error
 * shell and the browser renders app/global-error.tsx, so only a browser can
 * tell what the reader sees.
 */
async function loadPage(browser: Browser, baseUrl: string): Promise<Omit<PageCheck, "when">> {
  const page = await browser.newPage();
  const started = Date.now();
  try {
    const response = await page.goto(`${baseUrl}/articles/china-shared-future-cyberspace`, { timeout: 20_000 });
    const status = response?.status() ?? 0;
    const errorText = page.getByText(/Something went wrong|Gloss is unavailable for a moment/).first();
    const errorPage = status >= 500 ? await errorText.waitFor({ timeout: 10_000 }).then(() => true, () => false) : await errorText.isVisible();
    return { status, ms: Date.now() - started, errorPage };
  } catch {
    return { status: 0, ms: Date.now() - started, errorPage: false };
  } finally {
    await page.close();
  }
}

const CLIENTS = 20;
/** From the database's return to the next stop (or the end): 5 s to recover, then 3 s in which every request must succeed. */
const GAP_AFTER_RECOVERY_MS = 8_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const log = (message: string) => console.log(`· ${message}`);

/** The moment the database first accepts a connection, trying every 25 ms. */
async function firstAcceptedConnection(url: string): Promise<number> {
  for (const from = Date.now(); Date.now() - from < 90_000; await sleep(25)) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on("error", () => {});
    const ok = await client.connect().then(() => true, () => false);
    const at = Date.now();
    await client.end().catch(() => {});
    if (ok) return at;
  }
  throw new Error("the database did not accept connections within 90 s of its start");
}

async function main(): Promise<number> {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) {
    log("building the production app (next build)…");
    if (spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  log("starting a throwaway PostgreSQL cluster");
  const postgres = await startThrowawayPostgres();
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrateDatabase(postgres.url);
    await seedDatabase(postgres.url, { demo: true });
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let serverLog = "";
    server = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: postgres.url, NODE_ENV: "production", APP_URL: baseUrl, AUTH_SECRET: "faults-secret-that-is-at-least-32-characters-long", GLOSS_RATE_LIMIT_SCALE: "1000", DATABASE_POOL_MAX: "10" },
    });
    server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    for (let attempt = 0; !(await fetch(`${baseUrl}/status`).then((r) => r.ok).catch(() => false)); attempt++) {
      if (attempt > 240 || server.exitCode !== null) throw new Error(`the app did not start:\n${serverLog.slice(-2000)}`);
      await sleep(250);
    }
    log(`app on ${baseUrl}, database on port ${postgres.port}`);

    const db = new pg.Pool({ connectionString: postgres.url, max: 2 });
    db.on("error", () => {});
    const password = "Violet staple 93 battery horse";
    const signUp = async (handle: string, email: string, name: string, forwardedFor: string) => {
      const response = await fetch(`${baseUrl}/api/account/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password, name, handle }),
      });
      if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
      await db.query(`UPDATE "User" SET "emailVerifiedAt" = now(), "createdAt" = now() - interval '30 days' WHERE email = $1`, [email]);
      return signIn(baseUrl, email, password);
    };
    const cookies: string[] = [];
    for (let index = 0; index < CLIENTS; index++) {
      const handle = `fault_${index}_${Date.now().toString(36)}`;
      cookies.push(await signUp(handle, `${handle}@faults.test`, `Client ${index}`, `10.91.${index}.1`));
    }
    // The lost-answer probe posts as an account of its own, outside the 20 clients' figures.
    const probeHandle = `fault_probe_${Date.now().toString(36)}`;
    const probeCookie = await signUp(probeHandle, `${probeHandle}@faults-probe.test`, "Lost-answer probe", "10.92.0.1");
    const seed = (
      await db.query(
        `SELECT a."versionId", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd", a."startBlockId"
           FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" AND ar."currentVersionId" = a."versionId"
          WHERE a."rootId" IS NULL AND a."quoteExact" LIKE '5.4 billion people%' LIMIT 1`,
      )
    ).rows[0] as { versionId: string; quoteExact: string; quotePrefix: string; quoteSuffix: string; positionStart: number; positionEnd: number; startBlockId: string };
    const target: Selectors = {
      versionId: seed.versionId,
      selectors: { exact: seed.quoteExact, prefix: seed.quotePrefix, suffix: seed.quoteSuffix, start: seed.positionStart, end: seed.positionEnd, startBlockId: seed.startBlockId },
    };

    log(`${CLIENTS} clients posting; PostgreSQL will be restarted twice`);
    let stop = false;
    const startedAt = Date.now();
    const live: ClientRun = { attempts: [], intents: [] };
    const running = runPostingClients(baseUrl, cookies, target, () => stop, live);
    // The next stop (or the end) comes GAP_AFTER_RECOVERY_MS after the database's return, and not before twice the
    // minimum of requests the recovery check needs were started past the recovery limit (a loaded machine posts slowly), 30 s at most.
    const untilRecoveryShown = async (outage: Outage) => {
      const limit = outage.acceptingAt + RECOVERY_LIMIT_MS;
      const shown = () => live.attempts.filter((attempt) => attempt.startedAt >= limit).length >= 2 * MIN_REQUESTS_AFTER_RECOVERY;
      while (Date.now() < outage.acceptingAt + GAP_AFTER_RECOVERY_MS || (!shown() && Date.now() < outage.acceptingAt + 30_000)) await sleep(50);
    };
    const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"] });
    const outages: Outage[] = [];
    const probes: LostAnswerProbe[] = [];
    const pageChecks: PageCheck[] = [];
    const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));
    for (const mode of ["fast", "immediate"] as const) {
      // 4 s of posting before the first outage; after an outage, 8 s from the database's return (3 s past the recovery limit) or more.
      await (outages.length === 0 ? sleepUntil(startedAt + 4_000) : untilRecoveryShown(outages.at(-1)!));
      const probe = new LostAnswerProbe(mode, baseUrl, probeCookie, target, db);
      await probe.commitAndLoseAnswer();
      probes.push(probe);
      const downAt = Date.now();
      await postgres.stop(mode);
      const stoppedAt = Date.now();
      probe.startRetrying();
      await sleep(1_000);
      pageChecks.push({ when: `${mode} outage`, ...(await loadPage(browser, baseUrl)) });
      await sleepUntil(stoppedAt + 3_000);
      const startingAt = Date.now();
      const accepting = firstAcceptedConnection(postgres.url);
      await postgres.start();
      const upAt = Date.now();
      const acceptingAt = await accepting;
      outages.push({ mode, downAt, stoppedAt, startingAt, acceptingAt, upAt });
      log(`outage (${mode} stop): down ${((acceptingAt - downAt) / 1000).toFixed(1)} s`);
    }
    await sleepUntil(outages.at(-1)!.acceptingAt + 6_000);
    pageChecks.push({ when: "after recovery", ...(await loadPage(browser, baseUrl)) });
    await untilRecoveryShown(outages.at(-1)!);
    stop = true;
    const stoppedClientsAt = Date.now();
    const run = await running;
    await browser.close();
    const elapsed = Date.now() - startedAt;
    const lostAnswers = [];
    for (const probe of probes) lostAnswers.push(await probe.finish());

    const rows = (
      await db.query(`SELECT a.id, a.body FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" WHERE u.email LIKE '%@faults.test'`)
    ).rows as Array<{ id: string; body: string }>;
    const records = (
      await db.query(`SELECT r.status, count(*)::int AS n FROM "IdempotencyRecord" r JOIN "User" u ON u.id = r."userId" WHERE u.email LIKE '%@faults.test' GROUP BY r.status`)
    ).rows as Array<{ status: number; n: number }>;
    await db.end();
    const serverAlive = server.exitCode === null && server.signalCode === null;

    const report = analyse({ run, outages, stoppedClientsAt, rows, records, serverAlive, elapsedMs: elapsed, clients: CLIENTS });
    log("killing the embedded database (PGlite) with SIGKILL mid-write, three times");
    const pglite = await runPgliteCrashTest();
    log("killing `npm start` on the embedded database with SIGKILL while a client posts");
    const launcher = await runLauncherCrashTest();
    const summary = { ...report, lostAnswers, pages: pageChecks, pglite, launcher };
    mkdirSync(join(root, "test-results"), { recursive: true });
    writeFileSync(join(root, "test-results", "faults.json"), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(root, "test-results", "faults-server.log"), serverLog);
    console.log(JSON.stringify(summary, null, 2));
    const pgliteFailures = pglite.flatMap((round) => {
      const problems = [
        ...(round.opened ? [] : [round.error ?? "did not reopen"]),
        ...(round.acknowledged < MIN_ACKNOWLEDGED ? [`only ${round.acknowledged} batches acknowledged before the kill`] : []),
        ...(round.lostAcknowledged > 0 ? [`${round.lostAcknowledged} acknowledged batches lost`] : []),
        ...(round.partialBatches > 0 ? [`${round.partialBatches} half-written batches`] : []),
      ];
      return problems.map((problem) => `PGlite round ${round.round}: ${problem}`);
    });
    const pageFailures = pageChecks
      .filter((check) => (check.when === "after recovery" ? check.status !== 200 : !check.errorPage || check.ms > 6_500))
      .map((check) => `article page ${check.when}: ${check.status} in ${check.ms} ms${check.errorPage ? "" : ", not the error page"}`);
    const launcherFailures = [
      ...(launcher.error ? [`npm start crash test: ${launcher.error}`] : []),
      ...(launcher.serverStoppedWithLauncher ? [] : ["the Next.js server outlived its killed launcher (it keeps the port)"]),
      ...(launcher.acknowledged === 0 ? ["npm start crash test: no post was acknowledged before the kill"] : []),
      ...(launcher.lostAcknowledged > 0 ? [`npm start crash test: ${launcher.lostAcknowledged} of ${launcher.acknowledged} acknowledged posts lost`] : []),
    ];
    const failures = [...report.failures, ...lostAnswers.flatMap((probe) => probe.failures), ...pgliteFailures, ...pageFailures, ...launcherFailures];
    if (failures.length > 0) {
      console.error(`\nfaults: ${failures.length} guarantee(s) broken:\n- ${failures.join("\n- ")}`);
      if (!serverAlive) console.error(serverLog.slice(-3000));
      return 1;
    }
    console.log("\nfaults: every guarantee held");
    return 0;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((done) => server!.once("exit", done));
    }
    postgres.destroy();
  }
}

process.exitCode = await main();
