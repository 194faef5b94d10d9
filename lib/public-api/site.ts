import "server-only";
import { getSiteUrl } from "@/lib/site-url";

export async function siteOrigin(): Promise<string> {
  return (await getSiteUrl()).origin;
}
