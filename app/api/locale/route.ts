import { z } from "zod";
import { jsonError, readBody } from "@/lib/http";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

const localeChoice = z.object({ locale: z.enum(LOCALES), returnTo: z.string().max(2000).optional() });

/**
 * Remembers the interface language for a year. A plain form post, so the
 * switcher works without JavaScript; it returns to the page it was on.
 */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const parsed = localeChoice.safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, `Choose one of: ${LOCALES.join(", ")}.`);
  const headers = new Headers({ location: safeReturnPath(parsed.data.returnTo) });
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  headers.append("set-cookie", `${LOCALE_COOKIE}=${parsed.data.locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`);
  return new Response(null, { status: 303, headers });
});
