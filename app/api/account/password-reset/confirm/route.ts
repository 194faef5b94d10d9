import { consumeEmailToken } from "@/lib/auth/email-tokens";
import { checkPasswordStrength, hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { revokeAllSessions } from "@/lib/data/users/sessions";
import { jsonError, readBody } from "@/lib/http";
import { getClientIp } from "@/lib/security/client-ip";
import { tooManyRequests } from "@/lib/security/rate-limit-response";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { fieldErrors, resetConfirmSchema } from "@/lib/validation/auth";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

const LINK_PROBLEM = {
  invalid: "This reset link is not valid. Ask for a new one.",
  expired: "This reset link has expired. Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one.",
} as const;

/** Sets a new password from a reset link, then ends every session of the account. */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const limit = await consumeRateLimit("passwordResetIp", getClientIp(request.headers));
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds);

  const parsed = resetConfirmSchema.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, "Please correct the highlighted fields.", fieldErrors(parsed.error));
  const { token, password } = parsed.data;

  const db = getDb();
  // Strength is checked before the single-use token is spent, so a weak choice can be corrected.
  const weakness = checkPasswordStrength(password, {});
  if (weakness) return jsonError(400, "Please choose a stronger password.", { password: weakness });

  const consumed = await consumeEmailToken(db, token, "RESET_PASSWORD");
  if (!consumed.ok) return jsonError(400, LINK_PROBLEM[consumed.reason]);

  const user = await db.user.findUnique({ where: { id: consumed.token.userId }, select: { email: true } });
  if (!user || user.email !== consumed.token.email) return jsonError(400, LINK_PROBLEM.invalid);
  await db.user.update({
    where: { id: consumed.token.userId },
    // The link reached this inbox, which proves the address too.
    data: { passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
  });
  await revokeAllSessions(consumed.token.userId);
  return Response.json({ ok: true });
});
