import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { jsonError, readBody } from "@/lib/http";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { BODY_MAX_LENGTH } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/**
 * The composer's live preview: rendered and sanitized exactly as the posted
 * annotation will be. Only people who can post need it, so it is theirs alone,
 * and limited per person: rendering is work done for whoever asks.
 */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const t = await getTranslations("apiErrors");
  const parsed = z.object({ body: z.string().max(BODY_MAX_LENGTH) }).safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, t("tooLongToPreview"));
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, t("signInFirst"));
  const limit = await consumeRateLimit("markdownPreview", viewer.id);
  if (!limit.allowed) return localizedTooManyRequests(limit.retryAfterSeconds);
  return Response.json({ html: renderMarkdown(parsed.data.body) }, { headers: { "cache-control": "private, no-store" } });
});
