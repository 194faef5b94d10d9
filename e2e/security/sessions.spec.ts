import type { APIRequestContext, Browser } from "@playwright/test";
import { contextHeaders, expect, newUser, SITE_ORIGIN, signInViaApi, signUpViaApi, test, type TestUser } from "../support/fixtures";

/** The data export answers the signed-in user (200) and nobody else (401). */
async function sessionIsLive(request: APIRequestContext): Promise<boolean> {
  const status = (await request.get("/api/account/export")).status();
  expect([200, 401]).toContain(status);
  return status === 200;
}

async function verifiedUser(request: APIRequestContext, db: import("pg").Pool, prefix: string): Promise<TestUser> {
  const user = newUser(prefix);
  await signUpViaApi(request, user);
  await db.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE email = $1`, [user.email]);
  return user;
}

async function secondBrowser(browser: Browser, user: TestUser, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: contextHeaders(ip) });
  await signInViaApi(context.request, user.email, user.password);
  return context;
}

test("session and CSRF cookies are HttpOnly and SameSite=Lax (Secure is checked on the https configuration)", async ({ page, db }) => {
  const user = await verifiedUser(page.request, db, "cookies");
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", { form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/", json: "true" } });
  const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);
  const session = cookies.find((cookie) => cookie.includes("next-auth.session-token="));
  expect(session, cookies.join("\n")).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  for (const cookie of (await page.context().cookies()).filter((c) => c.name.includes("next-auth"))) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
  }
});

test("a token kept after signing out is refused", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "replay");
  await signInViaApi(page.request, user.email, user.password);
  const stolen = await page.context().storageState();
  const thief = await browser.newContext({ storageState: stolen, extraHTTPHeaders: contextHeaders("10.61.0.1") });
  expect(await sessionIsLive(thief.request)).toBe(true);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/", json: "true" } });
  expect(await sessionIsLive(thief.request)).toBe(false);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/account");
  await expect(thiefPage).toHaveURL(/\/signin/);
  await thief.close();
});

test("sign out everywhere ends every other session at once", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "everywhere");
  await signInViaApi(page.request, user.email, user.password);
  const other = await secondBrowser(browser, user, "10.61.0.2");
  expect(await sessionIsLive(other.request)).toBe(true);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect.poll(() => sessionIsLive(other.request)).toBe(false);
  expect(await sessionIsLive(page.request)).toBe(false);
  await other.close();
});

test("a password change ends the other sessions", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "pwchange");
  await signInViaApi(page.request, user.email, user.password);
  const other = await secondBrowser(browser, user, "10.61.0.3");
  expect(await sessionIsLive(other.request)).toBe(true);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(`${user.password} renewed`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect.poll(() => sessionIsLive(other.request)).toBe(false);
  await other.close();
});

test("a session whose row is revoked or expired in the database is refused on the next request", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "revoked");
  await signInViaApi(page.request, user.email, user.password);
  const other = await secondBrowser(browser, user, "10.61.0.4");
  expect(await sessionIsLive(page.request)).toBe(true);
  expect(await sessionIsLive(other.request)).toBe(true);
  const rows = (await db.query(`SELECT id FROM "UserSession" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1) ORDER BY "createdAt"`, [user.email])).rows as Array<{ id: string }>;
  expect(rows).toHaveLength(2);
  // The first browser's session revoked (as sign-out does), the second's expired; each checked on its own.
  await db.query(`UPDATE "UserSession" SET "revokedAt" = now() WHERE id = $1`, [rows[0]!.id]);
  expect(await sessionIsLive(page.request)).toBe(false);
  expect(await sessionIsLive(other.request)).toBe(true);
  await db.query(`UPDATE "UserSession" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [rows[1]!.id]);
  expect(await sessionIsLive(other.request)).toBe(false);
  await other.close();
  expect(SITE_ORIGIN).toMatch(/^http:/);
});

test("signing out one other browser from the account page ends that session only", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "endone");
  await signInViaApi(page.request, user.email, user.password);
  const other = await secondBrowser(browser, user, "10.61.0.5");
  expect(await sessionIsLive(other.request)).toBe(true);
  await page.goto("/account");
  await page.getByRole("button", { name: /^Sign out the session started/ }).click();
  await expect.poll(() => sessionIsLive(other.request)).toBe(false);
  expect(await sessionIsLive(page.request)).toBe(true);
  await other.close();
});

test("deleting the account ends every session of it", async ({ page, browser, db }) => {
  const user = await verifiedUser(page.request, db, "deleted");
  await signInViaApi(page.request, user.email, user.password);
  const other = await secondBrowser(browser, user, "10.61.0.6");
  const kept = await other.storageState();
  expect(await sessionIsLive(other.request)).toBe(true);
  await page.goto("/account");
  await page.getByLabel(`Type your handle, ${user.handle}, to confirm`).fill(user.handle);
  await page.getByLabel("Password", { exact: true }).last().fill(user.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect.poll(async () => (await db.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [user.email])).rows[0].n as number).toBe(0);
  expect(await sessionIsLive(page.request)).toBe(false);
  expect(await sessionIsLive(other.request)).toBe(false);
  // The cookie kept from before, replayed in a fresh browser.
  const replay = await browser.newContext({ storageState: kept, extraHTTPHeaders: contextHeaders("10.61.0.7") });
  expect(await sessionIsLive(replay.request)).toBe(false);
  await replay.close();
  await other.close();
});
