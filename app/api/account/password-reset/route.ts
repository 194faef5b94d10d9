import { sendPasswordResetLink } from "@/lib/auth/email-flows";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { getDb } from "@/lib/db";
import { jsonError, readBody } from "@/lib/http";
import { getClientIp } from "@/lib/security/client-ip";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { fieldErrors, resetRequestSchema } from "@/lib/validation/auth";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

export const POST = withDatabaseGuard(async function POST(request: Request) {
  const limit = await consumeRateLimit("passwordResetIp", getClientIp(request.headers));
  if (!limit.allowed) return localizedTooManyRequests(limit.retryAfterSeconds);

  const parsed = resetRequestSchema.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, (await getTranslations("apiErrors"))("correctFields"), fieldErrors(parsed.error, await issueTranslator()));

  const user = await getDb().user.findUnique({ where: { email: parsed.data.email }, select: { id: true, name: true, email: true } });
  if (user) await sendPasswordResetLink(user);
  // The same answer whether or not the address has an account, so it reveals nothing.
  return Response.json({ ok: true, message: (await getTranslations("auth.forgot"))("sent") });
});
