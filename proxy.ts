import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest } from "@/lib/security/cross-site-request";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/security/security-headers";

/**
 * Runs before every route. Refuses cross-site state-changing requests (CSRF),
 * then gives the request a fresh nonce and the response a strict CSP and the
 * other security headers. Next.js reads the nonce from the request's CSP
 * header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  const env = { nodeEnv: process.env.NODE_ENV, appUrl: process.env.APP_URL };
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  let response: NextResponse;
  if (isCrossSiteRequest({ method: request.method, url: request.url, headers: request.headers, appUrl: env.appUrl })) {
    response = NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    // Where the language switcher sends the reader back to.
    requestHeaders.set("x-return-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(env))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Page prefetches skip the proxy (they need no nonce). API routes and server-action calls never do, so a
  // forged prefetch header cannot dodge the CSRF check.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    "/api/:path*",
  ],
};
