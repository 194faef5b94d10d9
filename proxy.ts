import { NextResponse, type NextRequest } from "next/server";
import { AnonymousPageCache, withNonce } from "@/lib/page-cache/anonymous-page-cache";
import { anonymousPageRequest } from "@/lib/page-cache/cacheable-request";
import { anonymousCacheSeconds, internalOrigin } from "@/lib/page-cache/config";
import { renderForCache } from "@/lib/page-cache/render-for-cache";
import { isCrossSiteRequest } from "@/lib/security/cross-site-request";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/security/security-headers";

const cacheSeconds = anonymousCacheSeconds({ NODE_ENV: process.env.NODE_ENV, GLOSS_ANONYMOUS_CACHE_SECONDS: process.env.GLOSS_ANONYMOUS_CACHE_SECONDS });
// About 100 article pages at 1,000 annotations each; entries live seconds, so this only bounds a flood of distinct query strings.
const anonymousPages = cacheSeconds > 0 ? new AnonymousPageCache({ ttlMs: cacheSeconds * 1000, maxCharacters: 32_000_000 }) : null;

let warnedAboutRenders = false;

/** The article page for a reader with no session, from the anonymous cache; null to render it as usual. */
async function cachedAnonymousPage(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const pageRequest = anonymousPages && anonymousPageRequest(request);
  if (!anonymousPages || !pageRequest) return null;
  const origin = internalOrigin({ GLOSS_INTERNAL_ORIGIN: process.env.GLOSS_INTERNAL_ORIGIN, PORT: process.env.PORT });
  const { page, hit } = await anonymousPages.get(pageRequest.key, () =>
    renderForCache(origin, pageRequest, 15_000).catch((error: unknown) => {
      // Pages still render, one per request. Said once: a wrong origin would fail every time.
      if (!warnedAboutRenders) console.warn(`anonymous page cache: no page from ${origin} (wrong GLOSS_INTERNAL_ORIGIN, or a render over 15 s):`, error);
      warnedAboutRenders = true;
      return null;
    }),
  );
  if (!page) return null;
  const { body, headers } = withNonce(page, nonce);
  const response = new NextResponse(body, { status: page.status, headers });
  response.headers.set("x-gloss-page-cache", hit ? "hit" : "miss");
  return response;
}

/**
 * Runs before every route. Refuses cross-site state-changing requests (CSRF),
 * then gives the request a fresh nonce and the response a strict CSP and the
 * other security headers. Next.js reads the nonce from the request's CSP
 * header and puts it on its own scripts. An article page asked for without a
 * session may come from the anonymous page cache, with this request's nonce.
 */
export async function proxy(request: NextRequest) {
  const env = { nodeEnv: process.env.NODE_ENV, appUrl: process.env.APP_URL };
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  let response: NextResponse;
  if (isCrossSiteRequest({ method: request.method, url: request.url, headers: request.headers, appUrl: env.appUrl })) {
    response = NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  } else {
    const cached = await cachedAnonymousPage(request, nonce);
    if (cached) {
      response = cached;
    } else {
      const requestHeaders = new Headers(request.headers);
      requestHeaders.set("x-nonce", nonce);
      // Where the language switcher sends the reader back to.
      requestHeaders.set("x-return-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
      requestHeaders.set("content-security-policy", csp);
      response = NextResponse.next({ request: { headers: requestHeaders } });
    }
  }
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(env))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Page prefetches skip the proxy (they need no nonce). API routes, server-action calls and anything with a
  // body never do, so a forged prefetch header cannot dodge the CSRF check: a plain form post runs a server
  // action from its `$ACTION_ID_…` field without any Next-Action header.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "content-type" }] },
    "/api/:path*",
  ],
};
