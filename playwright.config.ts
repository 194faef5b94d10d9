import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/support/find-chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Refuse to point the tests at anything but a local database: they create and drop one.
const testDb = process.env.TEST_DATABASE_URL;
if (testDb && !["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(testDb).hostname)) {
  throw new Error(`TEST_DATABASE_URL must be a local server, not ${new URL(testDb).hostname}`);
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Generous: a loaded machine must not turn a slow step into a failure. Tests never assert times.
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    // What a browser sends with its own writes; the proxy refuses writes without it (CSRF).
    extraHTTPHeaders: { origin: baseURL },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 360, height: 780 } }, grep: /@phone/ },
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
