import { randomBytes } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabase } from "../../scripts/e2e-database";

const port = Number(process.env.E2E_PORT ?? 3100);
/** The site's own origin: state-changing requests without it are refused as cross-site (see proxy.ts). */
export const SITE_ORIGIN = `http://127.0.0.1:${port}`;

/**
 * Headers for a test's browser context: its client address, and the Origin a
 * browser sends on its own, so API calls made through `page.request` pass the
 * CSRF check as the page's own requests do.
 */
export function contextHeaders(clientIp: string): Record<string, string> {
  return { "x-forwarded-for": clientIp, origin: SITE_ORIGIN };
}

export interface TestUser {
  email: string;
  password: string;
  name: string;
  handle: string;
}

/** A user nobody else in the run uses. */
export function newUser(prefix = "user"): TestUser {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return { email: `${prefix}-${id}@example.test`, password: `Correct horse ${id}`, name: `Test ${prefix}`, handle: `${prefix}_${id}`.slice(0, 30) };
}

/** A random client address, so per-IP limits of one test never touch another. */
function randomIp(): string {
  return `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
}

export const test = base.extend<{ clientIp: string; db: pg.Pool }>({
  clientIp: async ({}, provide) => {
    await provide(randomIp());
  },
  // The built-in API context would share one client address ("unknown") across the whole run and trip per-IP limits.
  request: async ({ playwright, baseURL, clientIp }, provide) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: contextHeaders(clientIp) });
    await provide(request);
    await request.dispose();
  },
  context: async ({ context, clientIp }, provide) => {
    await context.setExtraHTTPHeaders(contextHeaders(clientIp));
    await provide(context);
  },
  db: async ({}, provide) => {
    const pool = new pg.Pool({ connectionString: e2eDatabase(port).url, max: 2 });
    await provide(pool);
    await pool.end();
  },
});

export { expect };

/** Signs up through the real endpoint. */
export async function signUpViaApi(request: APIRequestContext, user: TestUser) {
  const response = await request.post("/api/account/signup", { data: user });
  expect(response.status(), await response.text()).toBe(201);
}

/** Signs in through next-auth's Credentials callback, as the sign-in form does; cookies land in the context. */
export async function signInViaApi(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
  });
  const body = (await response.json()) as { url?: string };
  expect(body.url ?? "", "sign-in failed").not.toContain("error=");
}

/** A verified user, signed in on this page's context. */
export async function signedInUser(page: Page, db: pg.Pool, prefix = "user"): Promise<TestUser> {
  const user = newUser(prefix);
  await signUpViaApi(page.request, user);
  await db.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE email = $1`, [user.email]);
  await signInViaApi(page.request, user.email, user.password);
  return user;
}

/** The newest link to `path` mailed to `email`, read from the dev outbox page as a developer would. */
export async function linkFromOutbox(page: Page, email: string, path: string): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const link = page.locator(`a[href*="${path}"]`).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  return new URL(href!).pathname + new URL(href!).search;
}

export const DEMO = {
  reader: { email: "reader@demo.gloss.test", password: "demo-reader-pass" },
  moderator: { email: "moderator@demo.gloss.test", password: "demo-moderator-pass" },
  admin: { email: "admin@demo.gloss.test", password: "demo-admin-pass" },
} as const;
