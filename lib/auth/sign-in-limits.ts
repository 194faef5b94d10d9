import "server-only";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { tooManyRequests } from "@/lib/security/rate-limit-response";
import { getClientIp } from "@/lib/security/client-ip";

/**
 * Counts a password sign-in attempt against both the address and the account,
 * so neither one IP trying many accounts nor many IPs trying one account get
 * far. Returns the 429 response to send, or null to go ahead.
 */
export async function limitSignIn(requestHeaders: Headers, rawEmail: unknown): Promise<Response | null> {
  const ip = await consumeRateLimit("signInIp", getClientIp(requestHeaders));
  if (!ip.allowed) return tooManyRequests(ip.retryAfterSeconds);
  const email = typeof rawEmail === "string" ? rawEmail.trim().toLowerCase().slice(0, 254) : "";
  if (email) {
    const account = await consumeRateLimit("signInAccount", email);
    if (!account.allowed) return tooManyRequests(account.retryAfterSeconds);
  }
  return null;
}
