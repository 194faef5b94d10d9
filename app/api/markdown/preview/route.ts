import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { jsonError, readBody } from "@/lib/http";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { BODY_MAX_LENGTH } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** The composer's live preview: rendered and sanitized exactly as the posted annotation will be. */
export const POST = withDatabaseGuard(async function POST(request: Request) {
  const parsed = z.object({ body: z.string().max(BODY_MAX_LENGTH) }).safeParse(await readBody(request));
  if (!parsed.success) return jsonError(400, (await getTranslations("apiErrors"))("tooLongToPreview"));
  return Response.json({ html: renderMarkdown(parsed.data.body) });
});
