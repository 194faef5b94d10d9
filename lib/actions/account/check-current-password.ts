import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { signInAccountKey } from "@/lib/auth/sign-in-limits";
import { localizedWait } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit, resetRateLimit } from "@/lib/security/rate-limiter";

export type CurrentPasswordCheck = { outcome: "right" } | { outcome: "wrong" } | { outcome: "limited"; wait: string };

/**
 * Checks the password a signed-in user typed to confirm a change to their
 * account. Attempts count in sign-in's per-account bucket, keyed by the address
 * as sign-in keys it, so someone holding a stolen session cannot guess the
 * password here faster than the sign-in form allows. Not a server action: the
 * account actions call it after resolving the viewer.
 */
export async function checkCurrentPassword(email: string, passwordHash: string, candidate: string): Promise<CurrentPasswordCheck> {
  const key = signInAccountKey(email);
  const limit = await consumeRateLimit("signInAccount", key);
  if (!limit.allowed) return { outcome: "limited", wait: await localizedWait(limit.retryAfterSeconds) };
  if (!(await verifyPassword(passwordHash, candidate))) return { outcome: "wrong" };
  // As after a sign-in: the owner proved the password, so earlier mistypes stop counting against the account.
  await resetRateLimit("signInAccount", key);
  return { outcome: "right" };
}
