import "server-only";
import { headers } from "next/headers";
import { getEnv } from "./env";
import { siteUrlFor } from "./site-url-for";

/**
 * The site's public origin for absolute URLs (Open Graph, canonical links,
 * email links): APP_URL when configured; see siteUrlFor for the rest.
 */
export async function getSiteUrl(): Promise<URL> {
  const env = getEnv();
  let requestHeaders: Headers | null = null;
  if (!env.APP_URL && env.NODE_ENV !== "production") {
    try {
      requestHeaders = await headers();
    } catch {
      // A job or script outside any request.
    }
  }
  return siteUrlFor({ appUrl: env.APP_URL, nodeEnv: env.NODE_ENV, port: env.PORT, requestHeaders });
}
