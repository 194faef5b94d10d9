/**
 * The production app against a fresh PostgreSQL database, as the benchmarks
 * measure it: migrated, seeded, built if the build is missing, and started
 * with `next start`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../db/migrate.ts";
import { seedDatabase } from "../seed.ts";
import { provisionTestDatabase, type TestDatabase } from "../test-database.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface BenchApp {
  baseUrl: string;
  databaseUrl: string;
  server: ChildProcess;
  stop(): Promise<void>;
}

export async function startBenchApp(port: number): Promise<BenchApp> {
  const database: TestDatabase = await provisionTestDatabase({ name: "gloss_bench", embeddedPort: port + 1000 });
  await migrateDatabase(database.url);
  await seedDatabase(database.url, { demo: true });
  if (!existsSync(join(root, ".next", "BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    console.log("· building the production app (next build)…");
    const build = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: "production",
      APP_URL: baseUrl,
      AUTH_SECRET: "bench-secret-that-is-at-least-32-characters-long",
      GLOSS_DEV_OUTBOX: "1",
      // The posting benchmark measures the endpoint, not the limiter's refusals.
      GLOSS_RATE_LIMIT_SCALE: "100000",
    },
  });
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/status`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (attempt > 120) throw new Error("the app did not start");
    await new Promise((done) => setTimeout(done, 500));
  }
  return {
    baseUrl,
    databaseUrl: database.url,
    server,
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((done) => server.once("exit", done));
      }
      await database.drop();
    },
  };
}

/** Signs in through next-auth's Credentials callback and returns the Cookie header a browser would send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  keep(csrfResponse);
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/", json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookieHeader();
}


