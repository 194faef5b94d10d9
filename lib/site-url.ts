import "server-only";
import { headers } from "next/headers";
import { getEnv } from "./env";

/**
 * The site's public origin for absolute URLs (Open Graph, canonical links,
 * email links): APP_URL when configured, else the origin of the current
 * request, else (a job or script outside any request) the local server.
 */
export async function getSiteUrl(): Promise<URL> {
  const configured = getEnv().APP_URL;
  if (configured) return new URL(configured);
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return new URL(`http://localhost:${process.env.PORT ?? "3000"}`);
  }
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  return new URL(`${protocol}://${host}`);
}
