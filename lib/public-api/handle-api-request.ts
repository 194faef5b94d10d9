import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { authenticateApiToken } from "@/lib/data/api-tokens/authenticate-token";
import type { ApiScope } from "@/lib/data/api-tokens/token-secret";
import { AnnotationError } from "@/lib/data/annotations/errors";
import { getClientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { ApiError } from "./api-error";
import { READ_CORS_HEADERS, withHeaders } from "./cors";

export interface ApiCaller {
  /** The token's owner; null for an anonymous read. */
  actor: Viewer | null;
  scopes: ApiScope[];
}

/** Whose annotations besides public ones a read may include: the caller's own, with read:private. */
export function privateReaderId(caller: ApiCaller): string | null {
  return caller.actor && caller.scopes.includes("read:private") ? caller.actor.id : null;
}

function errorResponse(status: number, error: string, fieldErrors: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error, fieldErrors }, { status, headers: { "cache-control": "no-store", ...headers } });
}

async function resolveCaller(request: Request): Promise<ApiCaller | Response> {
  const header = request.headers.get("authorization");
  if (header === null) return { actor: null, scopes: [] };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const authenticated = match ? await authenticateApiToken(match[1]!) : null;
  if (!authenticated) return errorResponse(401, "The access token is missing, malformed, revoked or expired.", {}, { "www-authenticate": 'Bearer error="invalid_token"' });
  return { actor: authenticated.actor, scopes: authenticated.scopes };
}

/**
 * The boundary of every /api/v1 endpoint: resolve the caller from the bearer
 * token (never from cookies, so no other site can ride a browser session),
 * check the scope a write needs, rate-limit per token (or per IP without
 * one), then run the handler, turning known errors into `{ error, fieldErrors }`.
 * Reads get CORS headers; writes never do.
 */
export async function handleApiRequest(request: Request, access: "read" | "write", work: (caller: ApiCaller) => Promise<Response>): Promise<Response> {
  const cors = access === "read" ? READ_CORS_HEADERS : {};
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return withHeaders(caller, cors);
  if (access === "write") {
    if (!caller.actor) return errorResponse(401, "Writing needs a personal access token with the write scope.", {}, { "www-authenticate": "Bearer" });
    if (!caller.scopes.includes("write")) return errorResponse(403, "This token lacks the write scope.", {}, { "www-authenticate": 'Bearer error="insufficient_scope", scope="write"' });
  }
  const limit = caller.actor
    ? await consumeRateLimit("apiToken", caller.actor.sessionId)
    : await consumeRateLimit("apiAnonymousIp", getClientIp(request.headers));
  if (!limit.allowed) {
    const wait = String(Math.max(1, Math.ceil(limit.retryAfterSeconds)));
    return errorResponse(429, `Too many API requests. Retry in ${wait} seconds.`, {}, { ...cors, "retry-after": wait });
  }
  try {
    return withHeaders(await work(caller), cors);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error.status, error.message, error.fieldErrors, { ...cors, ...error.headers });
    if (error instanceof AnnotationError) return errorResponse(error.status, error.message, error.field ? { [error.field]: error.message } : {}, cors);
    console.error("public API request failed", error);
    return errorResponse(500, "Something went wrong on our side. Try again.", {}, cors);
  }
}
