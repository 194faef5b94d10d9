import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { e2eDatabase } from "../../scripts/e2e-database";
import { expect, newUser, signUpViaApi, test } from "../support/fixtures";
import { repoRoot } from "./support/route-files";

/**
 * The production build configured for a public https origin (APP_URL
 * https://…), as a deployment behind a TLS proxy runs it: HSTS on every
 * response, and session cookies Secure with the __Secure- prefix. A second
 * `next start` on the same database; requests reach it over plain http as
 * the proxy's would.
 */
const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const base = `http://127.0.0.1:${port}`;
const publicOrigin = "https://gloss.example";
let server: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = spawn(process.execPath, [join(repoRoot, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: repoRoot,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: e2eDatabase(Number(process.env.E2E_PORT ?? 3100)).url, APP_URL: publicOrigin, AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters-long" },
  });
  await expect
    .poll(async () => (await fetch(`${base}/status`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((done) => server!.once("exit", done));
  }
});

test("HSTS on every response of an https deployment", async () => {
  for (const path of ["/", "/articles/china-shared-future-cyberspace", "/signin", "/no-such-page", "/api/auth/csrf"]) {
    const response = await fetch(`${base}${path}`, { redirect: "manual", headers: { "x-forwarded-proto": "https", host: "gloss.example" } });
    const hsts = response.headers.get("strict-transport-security") ?? "";
    expect(hsts, path).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1]), path).toBeGreaterThanOrEqual(31_536_000);
    expect(response.headers.get("content-security-policy"), path).toContain("base-uri 'none'");
  }
});

test("session cookies are Secure, HttpOnly, SameSite=Lax and __Secure- prefixed on https", async ({ request }) => {
  const user = newUser("secure");
  await signUpViaApi(request, user);
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https" } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: publicOrigin, cookie: csrfCookie, "x-forwarded-for": "10.63.0.1", "x-forwarded-proto": "https" },
    body: new URLSearchParams({ email: user.email, password: user.password, csrfToken, callbackUrl: "/", json: "true" }),
  });
  // Every cookie next-auth sets, on both responses (the CSRF pair and the session), must be Secure.
  for (const cookie of [...csrf.headers.getSetCookie(), ...response.headers.getSetCookie()].filter((cookie) => /next-auth/.test(cookie.split("=")[0]!))) {
    expect(cookie, cookie.split("=")[0]).toMatch(/;\s*Secure/i);
    expect(cookie.split("=")[0], "an auth cookie without a __Secure- or __Host- prefix").toMatch(/^__(Secure|Host)-/);
  }
  expect(csrf.headers.getSetCookie().some((cookie) => /next-auth\.csrf-token=/.test(cookie))).toBe(true);
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
  expect(session, response.headers.getSetCookie().join("\n")).toBeTruthy();
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
});
