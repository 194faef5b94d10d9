import "server-only";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { getClientIp } from "@/lib/security/client-ip";

/** The key of the per-account sign-in limit: the address as typed, normalised the way accounts store it. */
export function signInAccountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/**
 * Counts a password sign-in attempt against both the address and the account,
 * so neither one IP trying many accounts nor many IPs trying one account get
 * far. Returns the 429 response to send, or null to go ahead.
 */
export async function limitSignIn(requestHeaders: Headers, rawEmail: unknown): Promise<Response | null> {
  const ip = await consumeRateLimit("signInIp", getClientIp(requestHeaders));
  if (!ip.allowed) return localizedTooManyRequests(ip.retryAfterSeconds);
  const email = typeof rawEmail === "string" ? signInAccountKey(rawEmail) : "";
  if (email) {
    const account = await consumeRateLimit("signInAccount", email);
    if (!account.allowed) return localizedTooManyRequests(account.retryAfterSeconds);
  }
  return null;
}
