import { checkPasswordStrength, hashPassword } from "@/lib/auth/password";
import { sendVerificationLink } from "@/lib/auth/email-flows";
import { createUser } from "@/lib/data/users/create-user";
import { jsonError, readBody } from "@/lib/http";
import { getClientIp } from "@/lib/security/client-ip";
import { tooManyRequests } from "@/lib/security/rate-limit-response";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { fieldErrors, signUpSchema } from "@/lib/validation/auth";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Creates an account with an email and password and emails a verification link. */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const limit = await consumeRateLimit("signUpIp", getClientIp(request.headers));
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds);

  const parsed = signUpSchema.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, "Please correct the highlighted fields.", fieldErrors(parsed.error));
  const input = parsed.data;

  const weakness = checkPasswordStrength(input.password, { email: input.email, handle: input.handle, name: input.name });
  if (weakness) return jsonError(400, "Please choose a stronger password.", { password: weakness });

  const created = await createUser({
    email: input.email,
    name: input.name,
    handle: input.handle,
    passwordHash: await hashPassword(input.password),
  });
  if (!created.ok) {
    return created.field === "handle"
      ? jsonError(409, "That handle is taken.", { handle: "That handle is taken. Try another." })
      : jsonError(409, "An account with this email already exists.", {
          email: "An account with this email already exists. Sign in, or reset your password.",
        });
  }
  await sendVerificationLink({ id: created.userId, name: input.name }, input.email);
  return Response.json({ ok: true }, { status: 201 });
});
