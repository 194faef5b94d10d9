import { contextHeaders, DEMO, expect, linkFromOutbox, newUser, signInViaApi, signUpViaApi, signedInUser, test } from "./support/fixtures";

test.describe("accounts", () => {
  test("sign up, verify through the outbox, sign out and sign in again @phone", async ({ page, db }) => {
    const user = newUser("signup");
    await page.goto("/signup");
    await page.getByLabel("Display name").fill(user.name);
    await page.getByLabel("Handle").fill(user.handle);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await expect(page.getByRole("link", { name: `Account: @${user.handle}` })).toBeVisible();
    const unverified = await db.query(`SELECT "emailVerifiedAt", "passwordHash" FROM "User" WHERE email = $1`, [user.email]);
    expect(unverified.rows[0].emailVerifiedAt).toBeNull();
    expect(unverified.rows[0].passwordHash).toMatch(/^\$argon2id\$/);

    await page.goto(await linkFromOutbox(page, user.email, "/verify-email?token="));
    await page.getByRole("button", { name: "Verify my email address" }).click();
    await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
    const verified = await db.query(`SELECT "emailVerifiedAt" FROM "User" WHERE email = $1`, [user.email]);
    expect(verified.rows[0].emailVerifiedAt).not.toBeNull();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: `Account: @${user.handle}` })).toBeVisible();
  });

  test("sign-up errors name the field and keep what was typed, except the password", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Display name").fill("Someone");
    await page.getByLabel("Handle").fill("bad handle!");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use only letters, digits and underscores in your handle.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("Display name")).toHaveValue("Someone");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Handle")).toHaveAttribute("aria-invalid", "true");
  });

  test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.reader.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    const message = "That email and password don't match an account. Check them and try again.";
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);

    await page.getByLabel("Email").fill("nobody-here@example.test");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("too many sign-in attempts get a 429 with Retry-After and a readable message", async ({ page }) => {
    const user = newUser("limited");
    await signUpViaApi(page.request, user);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toContainText("don't match");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    const limited = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const response = await limited;
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/Too many attempts\. Try again in \d+ (seconds?|minutes?)\./);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("a password reset sets a new password and ends old sessions", async ({ page, browser, db }) => {
    const user = await signedInUser(page, db, "reset");
    const other = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.9.9.9") });
    const otherPage = await other.newPage();
    await signInViaApi(otherPage.request, user.email, user.password);

    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account uses that address");

    await page.goto(await linkFromOutbox(page, user.email, "/reset-password?token="));
    await page.getByLabel("New password").fill("password1234");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("That password is too common", { exact: false })).toBeVisible();
    const newPassword = `${user.password} renewed`;
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password has been changed");

    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    const live = await db.query(`SELECT count(*)::int AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 AND s."revokedAt" IS NULL`, [user.email]);
    expect(live.rows[0].n).toBe(0);

    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: `Account: @${user.handle}` })).toBeVisible();
    await other.close();
  });

  test("sign out everywhere ends a session open in another browser", async ({ page, browser, db }) => {
    const user = await signedInUser(page, db, "everywhere");
    const other = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.8.8.8") });
    const otherPage = await other.newPage();
    await signInViaApi(otherPage.request, user.email, user.password);
    await otherPage.goto("/account");
    await expect(otherPage.getByRole("heading", { name: "Your account" })).toBeVisible();

    await page.goto("/account");
    await expect(page.getByRole("listitem").filter({ hasText: "Signed in" })).toHaveCount(2);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await expect(otherPage.getByRole("link", { name: "Sign in" })).toBeVisible();
    await other.close();
  });
});

test.describe("roles", () => {
  test("an admin makes a reader a moderator, who then sees the moderation page", async ({ page, browser, db }) => {
    const candidate = newUser("promoted");
    const candidateContext = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.7.7.7") });
    const candidatePage = await candidateContext.newPage();
    await signUpViaApi(candidatePage.request, candidate);
    await signInViaApi(candidatePage.request, candidate.email, candidate.password);
    expect((await candidatePage.goto("/moderation"))?.status()).toBe(404);

    await signInViaApi(page.request, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`/admin?q=${candidate.handle}`);
    await page.getByRole("button", { name: `Make moderator: @${candidate.handle}` }).click();
    await expect(page.getByRole("button", { name: `Revoke moderator: @${candidate.handle}` })).toBeVisible();
    const role = await db.query(`SELECT role FROM "User" WHERE email = $1`, [candidate.email]);
    expect(role.rows[0].role).toBe("MODERATOR");

    // The same session sees the new role on its very next request.
    const response = await candidatePage.goto("/moderation");
    expect(response?.status()).toBe(200);
    await expect(candidatePage.getByRole("heading", { name: "Moderation", exact: true })).toBeVisible();
    await candidateContext.close();
  });

  test("a reader cannot reach the admin page and changes nothing", async ({ page, db }) => {
    await signInViaApi(page.request, DEMO.reader.email, DEMO.reader.password);
    const demoRoles = `SELECT email, role FROM "User" WHERE email LIKE '%@demo.gloss.test' ORDER BY email`;
    const before = await db.query(demoRoles);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    expect((await db.query(demoRoles)).rows).toEqual(before.rows);
  });

  test("signed-out visitors are sent to sign in and come back", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await page.getByLabel("Email").fill(DEMO.reader.email);
    await page.getByLabel("Password").fill(DEMO.reader.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  });

  test("an off-site callback URL is ignored", async ({ page }) => {
    await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await page.getByLabel("Email").fill(DEMO.reader.email);
    await page.getByLabel("Password").fill(DEMO.reader.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "Account: @demo_reader" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
});
