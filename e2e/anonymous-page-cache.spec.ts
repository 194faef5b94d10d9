import { postAnnotationViaApi } from "./support/annotations";
import { expect, signedInUser, test } from "./support/fixtures";
import { startSecondInstance } from "./support/live";

const ARTICLE = "/articles/china-shared-future-cyberspace";
// Long enough that two requests in a row always fall inside it, even on a loaded machine.
const CACHE_SECONDS = 15;

// What a browser's navigation sends; the router's own payload fetches are never answered from the cache.
const DOCUMENT = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

function cspNonce(response: Response): string {
  const nonce = response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  if (!nonce) throw new Error("no nonce in the CSP header");
  return nonce;
}

function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\snonce="([^"]+)"/g)].map((match) => match[1]!);
}

// Its own instance, with the cache on: the main test server renders every request so each test sees its changes at once.
test.describe("anonymous page cache", () => {
  test.describe.configure({ timeout: 120_000 });

  test("readers with no session share a render, each with their own nonce; a session always renders afresh; a change shows once the interval passes", async ({ page, browser, db }) => {
    const second = await startSecondInstance(Number(process.env.E2E_PORT ?? 3100) + 2, { GLOSS_ANONYMOUS_CACHE_SECONDS: String(CACHE_SECONDS) });
    try {
      const first = await fetch(`${second.url}${ARTICLE}`, { headers: DOCUMENT });
      const firstHtml = await first.text();
      expect(first.status).toBe(200);
      expect(first.headers.get("x-gloss-page-cache")).toBe("miss");
      const again = await fetch(`${second.url}${ARTICLE}`, { headers: DOCUMENT });
      const againHtml = await again.text();
      expect(again.headers.get("x-gloss-page-cache")).toBe("hit");

      // Every answer carries a fresh nonce, the same in its CSP header and on every script, and the old one nowhere.
      expect(cspNonce(again)).not.toBe(cspNonce(first));
      for (const [response, html] of [[first, firstHtml], [again, againHtml]] as const) {
        const nonces = new Set(scriptNonces(html));
        expect(nonces).toEqual(new Set([cspNonce(response)]));
      }
      expect(againHtml).not.toContain(cspNonce(first));
      for (const header of ["x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options"]) expect(again.headers.get(header)).toBeTruthy();

      // A cached copy runs in the browser: its scripts execute under the new nonce and the page becomes interactive.
      const reader = await browser.newContext({ baseURL: second.url, extraHTTPHeaders: { origin: second.url } });
      const readerPage = await reader.newPage();
      const violations: string[] = [];
      readerPage.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const loaded = await readerPage.goto(ARTICLE);
      expect(loaded?.headers()["x-gloss-page-cache"]).toBe("hit");
      await readerPage.locator("html[data-selection-ready]").waitFor({ state: "attached" });
      expect(violations).toEqual([]);

      // A signed-in reader is never served the shared copy: their page knows them.
      await signedInUser(page, db, "cachewriter");
      const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
      const signedIn = await fetch(`${second.url}${ARTICLE}`, { headers: { ...DOCUMENT, cookie } });
      expect(signedIn.headers.get("x-gloss-page-cache")).toBeNull();
      expect((await signedIn.text()).includes("Sign out"), "the signed-in page shows the account").toBe(true);

      // A new annotation: the shared copy may be up to CACHE_SECONDS old (its live stream brings the rest), then a fresh render shows it.
      const body = `Posted behind the cache ${Date.now()}`;
      await postAnnotationViaApi(page.request, db, body);
      const stale = await fetch(`${second.url}${ARTICLE}`, { headers: DOCUMENT });
      expect(stale.headers.get("x-gloss-page-cache")).toBe("hit");
      expect((await stale.text()).includes(body), "the shared copy predates the post").toBe(false);
      // The router's own request for the page's data (as a live update makes) is rendered afresh.
      const payload = await fetch(`${second.url}${ARTICLE}`, { headers: { rsc: "1" } });
      expect(payload.headers.get("x-gloss-page-cache")).toBeNull();
      expect((await payload.text()).includes(body), "a payload request sees the post at once").toBe(true);
      await expect
        .poll(async () => (await (await fetch(`${second.url}${ARTICLE}`, { headers: DOCUMENT })).text()).includes(body), { timeout: (CACHE_SECONDS + 30) * 1000, intervals: [1000] })
        .toBe(true);
      await reader.close();
    } finally {
      await second.stop();
    }
  });
});
