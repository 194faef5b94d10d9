import { consumeEmailToken } from "@/lib/auth/email-tokens";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { describePasswordWeakness } from "@/lib/auth/localized-password";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { revokeAllSessions } from "@/lib/data/users/sessions";
import { jsonError, readBody } from "@/lib/http";
import { getClientIp } from "@/lib/security/client-ip";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { fieldErrors, resetConfirmSchema } from "@/lib/validation/auth";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** The message key for each way a reset link can fail. */
const LINK_PROBLEM = { invalid: "linkInvalid", expired: "linkExpired", used: "linkUsed" } as const;

/** Sets a new password from a reset link, then ends every session of the account. */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const limit = await consumeRateLimit("passwordResetIp", getClientIp(request.headers));
  if (!limit.allowed) return localizedTooManyRequests(limit.retryAfterSeconds);

  const parsed = resetConfirmSchema.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, (await getTranslations("apiErrors"))("correctFields"), fieldErrors(parsed.error, await issueTranslator()));
  const { token, password } = parsed.data;

  const db = getDb();
  // Strength is checked before the single-use token is spent, so a weak choice can be corrected.
  const weakness = await describePasswordWeakness(password, {});
  if (weakness) return jsonError(400, (await getTranslations("apiErrors"))("strongerPassword"), { password: weakness });

  const consumed = await consumeEmailToken(db, token, "RESET_PASSWORD");
  const tLink = await getTranslations("auth.reset");
  if (!consumed.ok) return jsonError(400, tLink(LINK_PROBLEM[consumed.reason]));

  const user = await db.user.findUnique({ where: { id: consumed.token.userId }, select: { email: true } });
  if (!user || user.email !== consumed.token.email) return jsonError(400, tLink(LINK_PROBLEM.invalid));
  await db.user.update({
    where: { id: consumed.token.userId },
    // The link reached this inbox, which proves the address too.
    data: { passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
  });
  await revokeAllSessions(consumed.token.userId);
  return Response.json({ ok: true });
});
