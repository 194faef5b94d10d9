/**
 * The server the end-to-end tests run against: a fresh database (see
 * provisionTestDatabase), migrated and seeded, behind `next start` on the
 * production build. The database is dropped when Playwright stops the server.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "./db/migrate.ts";
import { seedDatabase } from "./seed.ts";
import { e2eDatabase } from "./e2e-database.ts";
import { provisionTestDatabase } from "./test-database.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.env.E2E_PORT ?? "3100";
const location = e2eDatabase(Number(port));

const database = await provisionTestDatabase({ serverUrl: location.serverUrl, name: location.name, embeddedPort: location.embeddedPort });
await migrateDatabase(database.url);
await seedDatabase(database.url, { demo: true });

const server = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "--port", port, "--hostname", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    // Plain http on loopback: cookies cannot be Secure here (see useSecureCookies).
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
    // The tests read mail from the outbox page, as a developer would.
    GLOSS_DEV_OUTBOX: "1",
    // Tests look at what each change does at once; the anonymous page cache has its own spec, on its own instance.
    GLOSS_ANONYMOUS_CACHE_SECONDS: "0",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((done) => server.once("exit", done));
  }
  await database.drop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.once("exit", (code) => void stop(code ?? 1));
