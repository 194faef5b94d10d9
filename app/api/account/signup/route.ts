import { describePasswordWeakness } from "@/lib/auth/localized-password";
import { hashPassword } from "@/lib/auth/password";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { sendVerificationLink } from "@/lib/auth/email-flows";
import { createUser } from "@/lib/data/users/create-user";
import { jsonError, readBody } from "@/lib/http";
import { getClientIp } from "@/lib/security/client-ip";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { fieldErrors, signUpSchema } from "@/lib/validation/auth";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Creates an account with an email and password and emails a verification link. */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const limit = await consumeRateLimit("signUpIp", getClientIp(request.headers));
  if (!limit.allowed) return localizedTooManyRequests(limit.retryAfterSeconds);

  const parsed = signUpSchema.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, (await getTranslations("apiErrors"))("correctFields"), fieldErrors(parsed.error, await issueTranslator()));
  const input = parsed.data;
  const t = await getTranslations("apiErrors");

  const weakness = await describePasswordWeakness(input.password, { email: input.email, handle: input.handle, name: input.name });
  if (weakness) return jsonError(400, t("strongerPassword"), { password: weakness });

  const created = await createUser({
    email: input.email,
    name: input.name,
    handle: input.handle,
    passwordHash: await hashPassword(input.password),
  });
  if (!created.ok) {
    return created.field === "handle"
      ? jsonError(409, t("handleTaken"), { handle: t("handleTakenField") })
      : jsonError(409, t("emailTaken"), { email: t("emailTakenField") });
  }
  await sendVerificationLink({ id: created.userId, name: input.name }, input.email);
  return Response.json({ ok: true }, { status: 201 });
});
