/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running app.
 * With no DATABASE_URL it starts the embedded PostgreSQL; either way it applies
 * pending migrations and seeds before the app serves, then runs Next.js and
 * stops everything cleanly on Ctrl-C or SIGTERM.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "../lib/env-schema.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { assertPortFree, EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { seedDatabase, shouldSeedDemo } from "./seed.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

function fail(message: string): never {
  console.error(`gloss: ${message}`);
  process.exit(1);
}

/** Newest modification time under the given paths, for deciding whether a build is stale. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== "generated") visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function buildIsStale(): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "messages", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
  return newestMtime(sources.map((path) => join(root, path))) > statSync(buildId).mtimeMs;
}

/**
 * A local start needs a session-signing secret but nobody should have to make
 * one: generate it once and keep it beside the data, so sessions survive restarts.
 */
function localAuthSecret(): string {
  const file = join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(join(root, ".data"), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // The preload stops the server if this launcher is killed outright (see exit-with-parent.cjs).
  return spawn(process.execPath, ["--require", join(root, "scripts", "exit-with-parent.cjs"), nextBin, ...args], { cwd: root, env, stdio: "inherit" });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once("exit", (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) fail(parsed.message);
  const env = parsed.env;
  const isProduction = process.env.NODE_ENV === "production";
  if (isProduction && !env.AUTH_SECRET) fail("AUTH_SECRET must be set in production (at least 32 random characters).");
  if (isProduction && !env.APP_URL) fail("APP_URL must be set in production (the public origin, e.g. https://gloss.example.org): email links are built from it.");

  await assertPortFree(env.HOST, env.PORT).catch(() =>
    fail(`Port ${env.PORT} is already in use (is Gloss already running?). Set PORT to use another.`),
  );

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = resolve(root, env.GLOSS_DATA_DIR);
    try {
      embedded = await startEmbeddedPostgres({ dataDir, port: env.GLOSS_EMBEDDED_DB_PORT });
    } catch (error) {
      fail(error instanceof EmbeddedPostgresError ? error.message : `could not start the embedded database: ${String(error)}`);
    }
    databaseUrl = embedded.url;
    console.log(`gloss: embedded PostgreSQL (PGlite) on port ${env.GLOSS_EMBEDDED_DB_PORT}, data in ${dataDir}`);
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child);
    }
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // NODE_ENV as the operator set it: `next start` forces production for the app itself.
  const seedDemo = shouldSeedDemo(process.env);
  try {
    const { applied } = await migrateDatabase(databaseUrl);
    console.log(applied.length ? `gloss: applied migrations ${applied.join(", ")}` : "gloss: database is up to date");
    await seedDatabase(databaseUrl, { demo: seedDemo, log: (line) => console.log(`gloss: ${line}`) });
  } catch (error) {
    console.error(error);
    await embedded?.stop();
    fail(`could not prepare the database at ${embedded ? "the embedded server" : "DATABASE_URL"}: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Without SMTP and outside production, mail goes to the dev outbox page.
  const devOutbox = !isProduction && !env.SMTP_URL ? { GLOSS_DEV_OUTBOX: "1" } : {};
  // A local start links to itself: absolute links are never built from a request's Host header.
  const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  const appUrl = env.APP_URL ?? `http://${shownHost}:${env.PORT}`;
  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_URL: appUrl, AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(), ...devOutbox };
  if (mode === "start" && buildIsStale()) {
    console.log("gloss: building the app (next build)…");
    child = run(["build"], childEnv);
    const code = await waitForExit(child);
    if (code !== 0) {
      await embedded?.stop();
      fail("next build failed");
    }
  }

  child = run([mode === "dev" ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOST], childEnv);
  console.log(`gloss: open http://${shownHost}:${env.PORT}`);
  if (seedDemo) {
    console.log("gloss: demo accounts (email / password):");
    for (const account of DEMO_ACCOUNTS) console.log(`gloss:   ${account.role.toLowerCase().padEnd(9)} ${account.email} / ${account.password}`);
  }
  if (devOutbox.GLOSS_DEV_OUTBOX) console.log(`gloss: no SMTP_URL: emails go to http://${shownHost}:${env.PORT}/dev/outbox`);
  const code = await waitForExit(child);
  await stop(code);
}

await main();
