import "server-only";
import { headers } from "next/headers";
import { getEnv } from "./env";

/**
 * The site's public origin for absolute URLs (Open Graph, canonical links):
 * APP_URL when configured, else the origin of the current request.
 */
export async function getSiteUrl(): Promise<URL> {
  const configured = getEnv().APP_URL;
  if (configured) return new URL(configured);
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  return new URL(`${protocol}://${host}`);
}
