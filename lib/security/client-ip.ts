/**
 * The client's IP, for per-IP rate limits.
 *
 * Trust assumption: Gloss runs behind a reverse proxy or platform that sets
 * these headers itself, replacing whatever the client sent (Vercel does; with
 * nginx, `proxy_set_header X-Forwarded-For $remote_addr`, not the appending
 * `$proxy_add_x_forwarded_for`). Otherwise the first x-forwarded-for entry is
 * whatever the client wrote, and it could dodge per-IP limits by varying it,
 * which is why sign-in also limits per account. With neither header every
 * request shares the "unknown" key: stricter, never looser.
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  return headers.get("x-real-ip")?.trim() || "unknown";
}
