import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/i18n/locales";

/** Marks the render the cache asks for itself, so it is not answered from the cache. */
export const PAGE_FILL_HEADER = "x-gloss-page-fill";

/** Article pages only: the page a shared link brings a crowd to. */
const CACHEABLE_PATH = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Sent by Next.js's client router for payloads and actions, which are not the
 * HTML page. Next.js strips most of them before the proxy runs, so the request
 * must also ask for HTML as a browser's navigation does: the router's payload
 * fetches accept anything and are not documents.
 */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-url", "next-action", PAGE_FILL_HEADER];

function asksForDocument(headers: Headers): boolean {
  const destination = headers.get("sec-fetch-dest");
  return (headers.get("accept") ?? "").includes("text/html") && (destination === null || destination === "document");
}

export interface AnonymousPageRequest {
  /** Everything the rendered page depends on, for a reader with no session. */
  key: string;
  locale: Locale;
  /** The public origin, for the page's absolute links. */
  host: string;
  protocol: "http" | "https";
  pathAndQuery: string;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const separator = part.indexOf("=");
    const name = (separator === -1 ? part : part.slice(0, separator)).trim();
    if (name) cookies.set(name, separator === -1 ? "" : part.slice(separator + 1).trim());
  }
  return cookies;
}

/**
 * The cache key of a request that may be answered from the anonymous page
 * cache, or null when it must be rendered for itself: anything but a GET of an
 * article page, any cookie but the language choice (a session above all),
 * and the router's own payload requests (anything not asking for an HTML
 * document). The page then depends only on the
 * address, the language and the public origin, which the key holds.
 */
export function anonymousPageRequest(request: { method: string; url: string; headers: Headers }): AnonymousPageRequest | null {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (!CACHEABLE_PATH.test(url.pathname) || url.searchParams.has("_rsc")) return null;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name)) || !asksForDocument(request.headers)) return null;
  const cookies = parseCookies(request.headers.get("cookie"));
  if ([...cookies.keys()].some((name) => name !== LOCALE_COOKIE)) return null;
  const locale = negotiateLocale(cookies.get(LOCALE_COOKIE), request.headers.get("accept-language"));
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const pathAndQuery = `${url.pathname}${url.search}`;
  return { key: `${protocol}://${host}${pathAndQuery}|${locale}`, locale, host, protocol, pathAndQuery };
}
