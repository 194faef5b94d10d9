import { LOCALE_COOKIE } from "@/i18n/locales";
import { nonceOf, type CachedPage } from "./anonymous-page-cache";
import { PAGE_FILL_HEADER, type AnonymousPageRequest } from "./cacheable-request";

/** Headers of the rendered page that a cached copy repeats; the security headers are set fresh on every answer. */
const REPLAYED_HEADERS = ["content-type", "cache-control", "vary", "link", "content-language"];

/**
 * Renders the page as a reader with no session sees it, by asking this
 * instance for it: the language as a cookie, the public origin as forwarded
 * headers, nothing else. Anything but a plain 200 HTML page (a redirect, a
 * 404, a cookie being set) is not kept.
 */
export async function renderForCache(origin: string, request: AnonymousPageRequest, timeoutMs: number): Promise<CachedPage | null> {
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
  if (response.status !== 200 || response.headers.has("set-cookie") || !response.headers.get("content-type")?.startsWith("text/html") || !nonce) {
    await response.body?.cancel();
    return null;
  }
  const headers = REPLAYED_HEADERS.flatMap((name): Array<[string, string]> => {
    const value = response.headers.get(name);
    return value ? [[name, value]] : [];
  });
  return { status: 200, headers, body: await response.text(), nonce };
}
