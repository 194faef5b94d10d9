import { contextHeaders, DEMO, expect, newUser, signInViaApi, signUpViaApi, SITE_ORIGIN, test } from "../support/fixtures";

/** Ways to smuggle another host into a return URL. */
const EVIL = [
  "https://evil.example/",
  "http://evil.example",
  "//evil.example/",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "https:evil.example",
  "https:/evil.example",
  "/..//evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/foo/..//evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  " //evil.example",
  "\t//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  `${SITE_ORIGIN}@evil.example`,
  `${SITE_ORIGIN}.evil.example`,
  "http://127.0.0.1.evil.example",
  "/\u3002evil.example",
  "//evil%E3%80%82example",
  "/\u2025/evil.example",
];

/** Where a Location header or a link would take a browser, or null if it stays on the site. */
function leavesSite(target: string | null | undefined): string | null {
  if (!target) return null;
  const resolved = new URL(target, `${SITE_ORIGIN}/start`);
  if (resolved.origin !== SITE_ORIGIN) return resolved.href;
  if (resolved.protocol !== "http:") return resolved.href;
  return null;
}

test("callbackUrl on the sign-in and sign-up pages never redirects off the site", async ({ page }) => {
  await signInViaApi(page.request, DEMO.reader.email, DEMO.reader.password);
  const escapes: string[] = [];
  for (const path of ["/signin", "/signup", "/verify-email"]) {
    for (const evil of EVIL) {
      const response = await page.request.get(`${path}?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
      const target = leavesSite(response.headers()["location"]);
      if (target) escapes.push(`${path} ${JSON.stringify(evil)} -> ${target}`);
      const html = await response.text();
      if (html.includes("evil.example") && /href="[^"]*evil\.example/.test(html)) escapes.push(`${path} ${JSON.stringify(evil)} links off-site`);
    }
  }
  expect(escapes).toEqual([]);
});

test("the signed-out sign-in page keeps only a same-site callbackUrl in its links and form", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: contextHeaders("10.62.0.1") });
  const page = await context.newPage();
  const escapes: string[] = [];
  for (const evil of EVIL.slice(0, 16)) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    for (const href of await page.locator("a[href]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
      const target = leavesSite(href);
      if (target && target.includes("evil")) escapes.push(`${JSON.stringify(evil)} -> ${target}`);
    }
  }
  expect(escapes).toEqual([]);
  await context.close();
});

test("next-auth's callbackUrl cannot send a signed-in user elsewhere", async ({ page }) => {
  // Its own account: many sign-ins in a row must not touch the demo accounts' rate limits.
  const user = newUser("callback");
  await signUpViaApi(page.request, user);
  const escapes: string[] = [];
  for (const evil of EVIL) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password, csrfToken, callbackUrl: evil, json: "true" },
      headers: { "x-forwarded-for": `10.62.1.${1 + (EVIL.indexOf(evil) % 250)}` },
    });
    const { url } = (await response.json()) as { url?: string };
    const target = leavesSite(url);
    if (target) escapes.push(`${JSON.stringify(evil)} -> ${target}`);
    const signout = await page.request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
    const location = leavesSite(signout.headers()["location"]);
    if (location) escapes.push(`signin GET ${JSON.stringify(evil)} -> ${location}`);
  }
  expect(escapes).toEqual([]);
});

test("the language switcher's returnTo stays on the site", async ({ page }) => {
  const escapes: string[] = [];
  for (const evil of EVIL) {
    const response = await page.request.post("/api/locale", { form: { locale: "en", returnTo: evil }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const target = leavesSite(response.headers()["location"]);
    if (target) escapes.push(`${JSON.stringify(evil)} -> ${target}`);
  }
  expect(escapes).toEqual([]);
});
