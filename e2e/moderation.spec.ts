import type { Browser } from "@playwright/test";
import type pg from "pg";
import { postAnnotationViaApi } from "./support/annotations";
import { contextHeaders, DEMO, expect, signInViaApi, signedInUser, test } from "./support/fixtures";
import { selectAcross } from "./support/select-text";

const ARTICLE = "/articles/china-shared-future-cyberspace";

/** A signed-in page in a context of its own (its own cookies and client address). */
async function newSession(browser: Browser, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: contextHeaders(ip) });
  return { context, page: await context.newPage() };
}

/** Makes an account old enough for its flags to count in full (see lib/moderation/flag-weight.ts). */
async function establish(db: pg.Pool, email: string) {
  await db.query(`UPDATE "User" SET "createdAt" = now() - interval '30 days' WHERE email = $1`, [email]);
}

async function status(db: pg.Pool, id: string): Promise<string> {
  return ((await db.query(`SELECT "moderationStatus" FROM "Annotation" WHERE id = $1`, [id])).rows[0] as { moderationStatus: string }).moderationStatus;
}

async function logActions(db: pg.Pool, where: string, value: string): Promise<string[]> {
  const { rows } = await db.query(`SELECT action FROM "ModerationLogEntry" WHERE "${where}" = $1 ORDER BY "createdAt", id`, [value]);
  return rows.map((row: { action: string }) => row.action);
}

test.describe("moderation", () => {
  test("three readers flag an annotation, it is hidden automatically, and a moderator restores it", async ({ page, browser, db }) => {
    test.setTimeout(120_000);
    await signedInUser(page, db, "flagged");
    const body = `Everyone who disagrees is a fool ${Date.now()}`;
    const id = await postAnnotationViaApi(page.request, db, body);

    const cardBefore = await (async () => {
      const anonymous = await browser.newContext();
      const view = await anonymous.newPage();
      await view.goto(`/a/${id}`);
      const url = await view.locator('meta[property="og:image"]').getAttribute("content");
      await anonymous.close();
      return url;
    })();

    // The first reader flags through the thread's Flag form.
    const first = await newSession(browser, "10.20.0.1");
    const firstUser = await signedInUser(first.page, db, "flagger");
    await establish(db, firstUser.email);
    await first.page.goto(`/a/${id}`);
    const annotation = first.page.locator(`#annotation-${id}`);
    await annotation.getByRole("button", { name: "Flag" }).click();
    await annotation.getByRole("button", { name: "Send flag" }).click();
    await expect(annotation.getByText("Choose why you are flagging this.")).toBeVisible();
    await annotation.getByLabel(/^Harassment/).check();
    await annotation.getByRole("button", { name: "Send flag" }).click();
    await expect(annotation.getByRole("status").filter({ hasText: "Moderators will review it" })).toBeVisible();
    await annotation.getByRole("button", { name: "Flag" }).click();
    await annotation.getByLabel(/^Spam/).check();
    await annotation.getByRole("button", { name: "Send flag" }).click();
    await expect(annotation.getByText("You've already flagged this annotation.")).toBeVisible();
    expect(await status(db, id)).toBe("VISIBLE");

    // Two more established readers flag it; the third flag hides it pending review.
    for (const [index, reason] of (["HARASSMENT", "OTHER"] as const).entries()) {
      const session = await newSession(browser, `10.20.0.${index + 2}`);
      const user = await signedInUser(session.page, db, "flagger");
      await establish(db, user.email);
      const response = await session.page.request.post(`/api/annotations/${id}/flags`, { data: { reason, note: reason === "OTHER" ? "Insults other readers" : "" } });
      expect(response.status(), await response.text()).toBe(200);
      await session.context.close();
    }
    expect(await status(db, id)).toBe("PENDING");

    // Gone for everyone else, marked for the author with the reason.
    const anonymous = await browser.newContext();
    const signedOut = await anonymous.newPage();
    await signedOut.goto(ARTICLE);
    await expect(signedOut.getByText(body)).toHaveCount(0);
    // Its link and its share card are a 404 to everyone but its author, like anything else they may not see.
    const permalink = await signedOut.goto(`/a/${id}`);
    expect(permalink?.status()).toBe(404);
    expect(await signedOut.content()).not.toContain(body);
    expect((await signedOut.request.get(cardBefore!)).status()).toBe(404);
    await page.goto(`/a/${id}`);
    await expect(page.locator(`#annotation-${id}`).getByText(/Waiting for review — only you can see this\. Hidden automatically after flags/)).toBeVisible();
    await page.goto("/notifications");
    await expect(page.getByText(/^Your annotation on “5\.4 billion people.*” was hidden pending review after several readers flagged it\.$/)).toBeVisible();
    // Authors never learn who flagged them.
    await expect(page.getByRole("main")).not.toContainText(firstUser.handle);

    // A moderator finds it in the queue, with reasons and counts, and restores it.
    const moderator = await newSession(browser, "10.20.1.1");
    await signInViaApi(moderator.page.request, DEMO.moderator.email, DEMO.moderator.password);
    await moderator.page.goto("/moderation?reason=HARASSMENT");
    const item = moderator.page.locator("[data-queue-item]").filter({ hasText: body });
    await expect(item).toBeVisible();
    await expect(item.getByText(/3 open flags: Harassment × 2, Other × 1/)).toBeVisible();
    await expect(item.getByText("Insults other readers")).toBeVisible();
    await expect(item.getByText(/joined 30 days ago|joined today/)).toBeVisible();
    await item.getByRole("button", { name: /^Restore/ }).click();
    await expect(item).toHaveCount(0);
    expect(await status(db, id)).toBe("VISIBLE");
    await signedOut.goto(ARTICLE);
    await expect(signedOut.getByText(body)).toBeVisible();

    // The audit log has every step, and shows them.
    expect(await logActions(db, "annotationId", id)).toEqual(["flag", "flag", "flag", "auto_hide", "restore"]);
    await moderator.page.goto(`/moderation/log?annotation=${id}`);
    await expect(moderator.page.locator("tbody tr")).toHaveCount(5);
    await expect(moderator.page.locator('tr[data-log-action="restore"]')).toContainText("@demo_moderator");
    await expect(moderator.page.locator('tr[data-log-action="auto_hide"]')).toContainText("automatic");
    await moderator.page.goto("/moderation/log?action=restore&actor=demo_moderator");
    await expect(moderator.page.locator('tr[data-log-action="restore"]').first()).toBeVisible();
    await expect(moderator.page.locator('tbody tr:not([data-log-action="restore"])')).toHaveCount(0);
    await anonymous.close();
    await moderator.context.close();
    await first.context.close();
  });

  test("a suspended user cannot post, even from a session that was already open", async ({ page, browser, db }) => {
    const user = await signedInUser(page, db, "suspendee");
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { name: /Discussion/ })).toBeVisible();

    const moderator = await newSession(browser, "10.21.1.1");
    await signInViaApi(moderator.page.request, DEMO.moderator.email, DEMO.moderator.password);
    const { rows } = await db.query(`SELECT id, "moderationRevision" FROM "User" WHERE email = $1`, [user.email]);
    const target = rows[0] as { id: string; moderationRevision: number };
    const suspend = await moderator.page.request.post(`/api/moderation/users/${target.id}`, {
      data: { action: "suspend", duration: "7d", reason: "Repeated insults", expectedRevision: target.moderationRevision },
    });
    expect(suspend.status(), await suspend.text()).toBe(200);

    // The page was loaded before the suspension; the server refuses the post anyway.
    await selectAcross(page, "digital governance initiatives.", "digital governance initiatives.");
    await page.getByRole("toolbar", { name: "Selected text" }).getByRole("button", { name: "Annotate" }).click();
    const composer = page.getByRole("dialog", { name: "Annotate" });
    await composer.getByLabel("Your annotation").fill("Posting while suspended");
    await composer.getByRole("button", { name: "Post annotation" }).click();
    await expect(composer.getByText(/Your account is suspended until .* UTC\. Reason: Repeated insults/)).toBeVisible();
    await expect(composer.getByLabel("Your annotation")).toHaveValue("Posting while suspended");
    const posted = await db.query(`SELECT count(*)::int AS n FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" WHERE u.email = $1`, [user.email]);
    expect(posted.rows[0].n).toBe(0);

    // Replies, votes and flags are refused too, and a fresh page says why and until when.
    const demo = await db.query(`SELECT id FROM "Annotation" WHERE "rootId" IS NULL AND "quoteExact" LIKE '5.4 billion people%' LIMIT 1`);
    const demoId = (demo.rows[0] as { id: string }).id;
    for (const [path, data] of [
      [`/api/annotations/${demoId}/replies`, { body: "reply" }],
      [`/api/annotations/${demoId}/helpful`, {}],
      [`/api/annotations/${demoId}/flags`, { reason: "SPAM" }],
    ] as const) {
      const response = await page.request.post(path, { data });
      expect(response.status(), path).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain("Repeated insults");
    }
    await page.reload();
    await expect(page.getByText(/Your account is suspended until .* UTC\. Reason: Repeated insults/)).toBeVisible();
    expect(await logActions(db, "targetUserId", target.id)).toEqual(["suspend"]);
    await moderator.context.close();
  });

  test("two moderators act on one item at once: the second is told who handled it", async ({ page, browser, db }) => {
    await signedInUser(page, db, "contested");
    const body = `Two moderators will disagree about this ${Date.now()}`;
    const id = await postAnnotationViaApi(page.request, db, body);
    const [moderator, admin] = await Promise.all([newSession(browser, "10.22.1.1"), newSession(browser, "10.22.1.2")]);
    await signInViaApi(moderator.page.request, DEMO.moderator.email, DEMO.moderator.password);
    await signInViaApi(admin.page.request, DEMO.admin.email, DEMO.admin.password);
    for (const session of [moderator, admin]) {
      await session.page.goto(`/moderation?annotation=${id}`);
      await session.page.getByRole("textbox", { name: /^Reason/ }).fill("Baiting");
    }
    const hide = (session: typeof moderator) => session.page.locator("[data-queue-item]").getByRole("button", { name: /^Hide/ }).click();
    await Promise.all([hide(moderator), hide(admin)]);

    const messages = await Promise.all(
      [moderator, admin].map(async (session) => {
        const message = session.page.locator("[data-queue-item] p[role]").filter({ hasText: /Done\.|Already handled/ });
        await expect(message).toBeVisible();
        return message.textContent();
      }),
    );
    const log = await db.query(`SELECT "actorHandle" FROM "ModerationLogEntry" WHERE "annotationId" = $1 AND action = 'hide'`, [id]);
    expect(log.rows).toHaveLength(1);
    const winner = (log.rows[0] as { actorHandle: string }).actorHandle;
    expect(messages.filter((text) => text === "Done.")).toHaveLength(1);
    expect(messages.find((text) => text !== "Done.")).toContain(`Already handled by @${winner} (hide)`);
    expect(await status(db, id)).toBe("HIDDEN");
    await moderator.context.close();
    await admin.context.close();
  });

  test("moderators' decisions do not count against their own posting limit", async ({ page, browser, db }) => {
    const author = await newSession(browser, "10.22.0.1");
    await signedInUser(author.page, db, "locked");
    const id = await postAnnotationViaApi(author.page.request, db, `Lock me and unlock me ${Date.now()}`);
    await author.context.close();
    // A new account may post five times a minute; a moderator clearing a spam wave acts far more often than that.
    const moderator = await signedInUser(page, db, "busymod");
    await db.query(`UPDATE "User" SET role = 'MODERATOR' WHERE email = $1`, [moderator.email]);
    for (let revision = 0; revision < 8; revision++) {
      const action = revision % 2 === 0 ? "lock" : "unlock";
      const response = await page.request.post(`/api/moderation/annotations/${id}`, { data: { action, expectedRevision: revision, reason: "Cooling down" } });
      expect(response.status(), await response.text()).toBe(200);
    }
    // And their own allowance is untouched.
    await postAnnotationViaApi(page.request, db, `A moderator's own note ${Date.now()}`);
  });

  test("the queue and its endpoints do not exist for readers or the signed out", async ({ page, browser, db }) => {
    const anonymous = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.3.3.3") });
    expect((await (await anonymous.newPage()).goto("/moderation"))?.status()).toBe(404);
    expect((await anonymous.request.post("/api/moderation/annotations/cabcdefghijklmnopqrstuvw", { data: { action: "hide", expectedRevision: 0, reason: "x" } })).status()).toBe(404);
    await anonymous.close();
    await signedInUser(page, db, "nosy");
    expect((await page.goto("/moderation"))?.status()).toBe(404);
    expect((await page.goto("/moderation/log"))?.status()).toBe(404);
    expect((await page.request.post("/api/moderation/users/cabcdefghijklmnopqrstuvw", { data: { action: "suspend", expectedRevision: 0, reason: "x", duration: "1d" } })).status()).toBe(404);
  });

  test("the review queue works on a phone @phone", async ({ page, browser, db }) => {
    // The worst a queue item can hold: a long unbroken word and a long link, which must wrap rather than widen the page.
    const author = await newSession(browser, "10.21.0.9");
    await signedInUser(author.page, db, "longword");
    const id = await postAnnotationViaApi(author.page.request, db, `${"Unbreakable".repeat(40)} https://example.org/${"path/".repeat(60)}`);
    await signedInUser(page, db, "phoneflagger");
    expect((await page.request.post(`/api/annotations/${id}/flags`, { data: { reason: "SPAM" } })).status()).toBe(200);
    await author.context.close();
    await page.context().clearCookies();
    await signInViaApi(page.request, DEMO.moderator.email, DEMO.moderator.password);
    await page.goto("/moderation?status=all");
    await expect(page.getByRole("heading", { name: "Moderation", level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
