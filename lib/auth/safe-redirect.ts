/**
 * Returns a same-site path to go to after signing in, or the fallback.
 * Only plain paths are accepted: absolute URLs, protocol-relative `//host`,
 * backslash tricks and control characters all fall back, so no callback or
 * return URL can send anyone off this site.
 */
export function safeReturnPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2000) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  try {
    const parsed = new URL(candidate, "http://gloss.invalid");
    if (parsed.origin !== "http://gloss.invalid") return fallback;
    const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    // Dot segments can normalise "/..//evil.example" into "//evil.example", which a browser reads as another host.
    return path.startsWith("//") ? fallback : path;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: same origin only, anything else goes home. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${safeReturnPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return `${baseUrl}${safeReturnPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // fall through
  }
  return baseUrl;
}
