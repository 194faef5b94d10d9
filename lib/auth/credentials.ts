import "server-only";
import { getDb } from "@/lib/db";
import { resetRateLimit } from "@/lib/security/rate-limiter";
import { signInSchema } from "@/lib/validation/auth";
import { applyConfiguredAdmin } from "./configured-admin";
import { hashPassword, verifyPassword } from "./password";

/** Verifying against this when the email is unknown keeps the timing the same either way. */
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Returns the user's id or null, and never says
 * which part was wrong, so sign-in does not reveal whether an email has an account.
 */
export async function verifyCredentials(input: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, isPlaceholder: true },
  });
  // Placeholder authors of imported annotations have no password; refused explicitly too, should one ever be given one.
  if (!user?.passwordHash || user.isPlaceholder) {
    decoyHash ??= hashPassword("decoy password for timing");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  // The owner got in: failed guesses before this no longer count against the account.
  await resetRateLimit("signInAccount", email);
  await applyConfiguredAdmin(user.id);
  return { id: user.id, email: user.email, name: user.name };
}
