import { getViewer } from "@/lib/auth/viewer";
import { searchHandles } from "@/lib/data/users/search-handles";
import { jsonError } from "@/lib/http";
import { tooManyRequests } from "@/lib/security/rate-limit-response";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { handleQuerySchema } from "@/lib/validation/notifications";

/** GET /api/users/handles?q=ab — handles for the @mention autocomplete; signed-in people only, rate limited against scraping. */
export async function GET(request: Request) {
  const parsed = handleQuerySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return jsonError(400, "Type the start of a handle.");
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Sign in to do that.");
  const limit = await consumeRateLimit("handleLookup", viewer.id);
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds, "Too many lookups. Wait a moment.");
  return Response.json({ handles: await searchHandles(viewer, parsed.data.q) }, { headers: { "cache-control": "private, no-store" } });
}
