import { LOCALE_COOKIE } from "@/i18n/locales";
import { nonceOf, type Rendered } from "./anonymous-page-cache";
import { PAGE_FILL_HEADER, type AnonymousPageRequest } from "./cacheable-request";

/** Headers of the rendered page that a cached copy repeats; the security headers are set fresh on every answer. */
const REPLAYED_HEADERS = ["content-type", "cache-control", "vary", "link", "content-language", "location", "retry-after"];

/**
 * Renders the page as a reader with no session sees it, by asking this
 * instance for it: the language as a cookie, the public origin as forwarded
 * headers, nothing else. The answer goes to every request that was waiting
 * for it; only a plain 200 HTML page is kept for later ones. An answer that
 * sets a cookie is nobody else's: null, and each request renders for itself.
 */
export async function renderForCache(origin: string, request: AnonymousPageRequest, timeoutMs: number): Promise<Rendered | null> {
  const response = await fetch(`${origin}${request.pathAndQuery}`, {
    headers: {
      [PAGE_FILL_HEADER]: "1",
      accept: "text/html",
      cookie: `${LOCALE_COOKIE}=${request.locale}`,
      "x-forwarded-host": request.host,
      "x-forwarded-proto": request.protocol,
    },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(timeoutMs),
  });
  const nonce = nonceOf(response.headers.get("content-security-policy"));
  if (response.headers.has("set-cookie") || !nonce) {
    await response.body?.cancel();
    return null;
  }
  const headers = REPLAYED_HEADERS.flatMap((name): Array<[string, string]> => {
    const value = response.headers.get(name);
    return value ? [[name, value]] : [];
  });
  const keep = response.status === 200 && Boolean(response.headers.get("content-type")?.startsWith("text/html"));
  return { page: { status: response.status, headers, body: await response.text(), nonce }, keep };
}
