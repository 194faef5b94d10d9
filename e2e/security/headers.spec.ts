import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { DEMO, expect, signInViaApi, test } from "../support/fixtures";
import { repoRoot } from "./support/route-files";

const ARTICLE = "china-shared-future-cyberspace";

/** Every page of the app, by its file, with an address that renders it. */
const PAGES: Record<string, string> = {
  "app/(reader)/page.tsx": "/",
  "app/(reader)/articles/[slug]/page.tsx": `/articles/${ARTICLE}`,
  "app/(reader)/a/[id]/page.tsx": "/a/PERMALINK",
  "app/(reader)/status/page.tsx": "/status",
  "app/(auth)/signin/page.tsx": "/signin",
  "app/(auth)/signup/page.tsx": "/signup",
  "app/(auth)/forgot-password/page.tsx": "/forgot-password",
  "app/(auth)/reset-password/page.tsx": "/reset-password?token=x",
  "app/(auth)/verify-email/page.tsx": "/verify-email",
  "app/(account)/account/page.tsx": "/account",
  "app/(admin)/admin/page.tsx": "/admin",
  "app/(admin)/admin/articles/new/page.tsx": "/admin/articles/new",
  "app/(admin)/articles/[slug]/edit/page.tsx": `/articles/${ARTICLE}/edit`,
  "app/(moderation)/moderation/page.tsx": "/moderation",
  "app/(moderation)/moderation/log/page.tsx": "/moderation/log",
  "app/(dev)/dev/outbox/page.tsx": "/dev/outbox",
  "app/(account)/notifications/page.tsx": "/notifications",
  "app/(account)/notifications/settings/page.tsx": "/notifications/settings",
  "app/(reader)/articles/[slug]/import/page.tsx": `/articles/${ARTICLE}/import`,
  "app/(reader)/search/page.tsx": "/search?q=cyberspace",
};
/** Not pages, but answered by the app too. */
const EXTRA = [
  "/no-such-page",
  "/api/account/export",
  `/a/PERMALINK/card.png`,
  `/articles/${ARTICLE}/annotations.jsonld`,
  `/articles/${ARTICLE}/annotations.csv`,
  `/articles/${ARTICLE}/feed.xml`,
  "/api/openapi.json",
  "/api/v1/articles",
  "/api/health",
];

function pageFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "page.tsx") files.push(relative(repoRoot, join(dir, entry.name)).split("\\").join("/"));
    }
  };
  walk(join(repoRoot, "app"));
  return files.sort();
}

function checkHeaders(url: string, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers["content-security-policy"] ?? "";
  const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  if (!/'nonce-[A-Za-z0-9+/=]{16,}'/.test(script)) problems.push(`${url}: script-src has no nonce (${script})`);
  if (/unsafe-inline|unsafe-eval/.test(script)) problems.push(`${url}: script-src allows unsafe scripts`);
  // The narrower directives override script-src for elements and attributes: neither may reopen inline script.
  for (const directive of csp.split(";").map((d) => d.trim()).filter((d) => /^script-src-(elem|attr)\b/.test(d))) {
    if (/unsafe-inline|unsafe-eval|unsafe-hashes/.test(directive)) problems.push(`${url}: ${directive.split(" ")[0]} allows unsafe scripts`);
  }
  // Without script-src and default-src both set, a missing directive would mean "anything".
  if (!/(^|;)\s*default-src 'self'(;|$)/.test(csp)) problems.push(`${url}: default-src is not 'self'`);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) if (!csp.includes(directive)) problems.push(`${url}: CSP lacks ${directive}`);
  if (headers["x-content-type-options"] !== "nosniff") problems.push(`${url}: no nosniff`);
  if (headers["x-frame-options"] !== "DENY") problems.push(`${url}: X-Frame-Options is not DENY`);
  // Full addresses (with their query strings: search terms, tokens in links) never leave the site.
  if (!["strict-origin-when-cross-origin", "strict-origin", "same-origin", "no-referrer"].includes(headers["referrer-policy"] ?? "")) problems.push(`${url}: Referrer-Policy is ${headers["referrer-policy"]}`);
  const permissions = new Map(
    (headers["permissions-policy"] ?? "")
      .split(",")
      .map((entry) => entry.trim().split("="))
      .map(([feature, allow]) => [feature!, allow ?? ""]),
  );
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) if (permissions.get(feature) !== "()") problems.push(`${url}: Permissions-Policy does not turn off ${feature}`);
  // The e2e server is plain http (APP_URL http://127.0.0.1): HSTS must not be sent there; see the production check below.
  if (headers["strict-transport-security"]) problems.push(`${url}: HSTS on a plain-http site`);
  return problems;
}

test("the page list covers every page of the app", () => {
  expect(pageFiles()).toEqual(Object.keys(PAGES).sort());
});

test("every page and response carries a nonce CSP and the other security headers, signed in or not", async ({ page, db }) => {
  const { rows } = await db.query(`SELECT id FROM "Annotation" WHERE visibility = 'PUBLIC' AND body IS NOT NULL AND "moderationStatus" = 'VISIBLE' AND "deletedAt" IS NULL LIMIT 1`);
  const permalink = (rows[0] as { id: string }).id;
  const urls = [...Object.values(PAGES), ...EXTRA].map((url) => url.replace("PERMALINK", permalink));
  const problems: string[] = [];
  const nonces = new Set<string>();
  for (const signedIn of [false, true]) {
    if (signedIn) await signInViaApi(page.request, DEMO.admin.email, DEMO.admin.password);
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      const headers = response.headers();
      problems.push(...checkHeaders(`${url} (${signedIn ? "admin" : "signed out"}, ${response.status()})`, headers));
      nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "");
    }
  }
  expect(problems).toEqual([]);
  // A fresh nonce for every response.
  expect(nonces.size).toBe(urls.length * 2);
});

test("the CSRF refusal carries the headers too", async ({ playwright }) => {
  const bare = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: {} });
  const response = await bare.post("/api/annotations", { data: {} });
  expect(response.status()).toBe(403);
  expect(checkHeaders("refusal", response.headers())).toEqual([]);
  await bare.dispose();
});
