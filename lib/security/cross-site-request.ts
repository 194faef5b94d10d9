/**
 * CSRF defence for every state-changing request, decided from headers alone
 * (the proxy runs before any route). Browsers always send `Origin` on
 * POST/PUT/PATCH/DELETE, so a missing or foreign one means the request did not
 * come from one of our pages: a cross-site form, or a client that is not a browser
 * and must authenticate with a bearer token instead. SameSite=Lax cookies already
 * stop most cross-site posts; this closes the rest (same-site subdomains, old
 * browsers, top-level form posts within the Lax window).
 */

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestFacts {
  method: string;
  /** The URL the server received (its host may be an internal one behind a proxy). */
  url: string;
  headers: Headers;
  /** APP_URL, the public origin, when configured. */
  appUrl?: string;
}

/** Origins our own pages are served from: APP_URL's, and the one the request's Host header names. */
export function ownOrigins({ url, headers, appUrl }: RequestFacts): Set<string> {
  const origins = new Set<string>();
  if (appUrl) origins.add(new URL(appUrl).origin);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : new URL(url).protocol.replace(":", "");
    // Host comes from the browser's address bar, so a page elsewhere cannot make its Origin match it.
    origins.add(`${protocol}://${host}`.toLowerCase());
  }
  return origins;
}

function isPublicApiPath(url: string): boolean {
  return new URL(url).pathname.startsWith("/api/v1/");
}

/** True when a state-changing request must be refused as cross-site. */
export function isCrossSiteRequest(request: RequestFacts): boolean {
  if (!MUTATING_METHODS.has(request.method.toUpperCase())) return false;
  // A bearer token is never sent by a browser on its own (a cross-site page would need a CORS preflight we never grant).
  if (/^Bearer\s+\S/i.test(request.headers.get("authorization") ?? "")) return false;
  // The public API reads only bearer tokens, never the session cookie, so a cross-site request there carries
  // no ambient authority to abuse; without a token it is answered 401 like any other API client.
  if (isPublicApiPath(request.url)) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  return !ownOrigins(request).has(origin.toLowerCase());
}
