/**
 * Normalises a cited URL: http(s) only, no credentials, lowercase host,
 * default port and fragment dropped, tracking parameters removed. Returns null
 * for anything that is not a web address a reader could open.
 */
export function normalizeSourceUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !url.hostname.includes(".") && url.hostname !== "localhost") return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i.test(key)) url.searchParams.delete(key);
  }
  return url.toString();
}

/** The domain shown on a source card, without "www.". */
export function sourceDomain(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}
