import "server-only";
import { getTranslations } from "next-intl/server";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness } from "./password";

/** Why a new password is too weak, in the request's interface language, or null when it will do. */
export async function describePasswordWeakness(password: string, context: { email?: string; handle?: string; name?: string }): Promise<string | null> {
  const weakness = passwordWeakness(password, context);
  if (!weakness) return null;
  const t = await getTranslations("validation.password");
  return t(weakness, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}
