/**
 * The public origin absolute links are built from. APP_URL when configured.
 * Without it, production links to the local server and never to the request's
 * Host or X-Forwarded-Host: those are the client's to choose, and a password
 * reset asked for with a forged host would otherwise mail the victim a genuine
 * link that hands its token to another site. (The launcher refuses to start
 * production without APP_URL; this covers `next start` run by hand.) Only
 * development, where links go to the developer's own outbox, follows the
 * request's host, so the app works under whatever name it is opened.
 */
export function siteUrlFor(input: { appUrl?: string; nodeEnv: string; port: number; requestHeaders: Headers | null }): URL {
  if (input.appUrl) return new URL(input.appUrl);
  const local = new URL(`http://localhost:${input.port}`);
  if (input.nodeEnv === "production" || !input.requestHeaders) return local;
  const host = input.requestHeaders.get("x-forwarded-host") ?? input.requestHeaders.get("host");
  if (!host) return local;
  const protocol = input.requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return new URL(`${protocol}://${host}`);
  } catch {
    return local;
  }
}
