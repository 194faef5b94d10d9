import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { jsonError, readBody } from "@/lib/http";
import { localizedTooManyRequests } from "@/lib/security/localized-rate-limit";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { moderationConfig } from "@/lib/moderation/config";
import { isModerator } from "@/lib/moderation/permissions";
import { issueTranslator, type IssueTranslator } from "@/lib/validation/localize";
import { databaseUnavailableResponse } from "@/lib/db-availability/database-unavailable-response";
import { isDatabaseUnavailable } from "@/lib/db-availability/is-database-unavailable";
import { findIdempotentReplay } from "@/lib/data/idempotency/find-replay";
import { hashRequest, parseIdempotencyKey, type IdempotencyClaim } from "@/lib/data/idempotency/idempotency-key";
import { IdempotencyConflictError } from "@/lib/data/idempotency/write-once";
import { AnnotationError } from "./errors";

/** Accounts this young post at the lower rate. */
function isNewAccount(actor: Viewer): boolean {
  return Date.now() - actor.createdAt.getTime() < moderationConfig().newAccountHours * 3_600_000;
}

/** The stored answer for a key already used by this actor, or null when the key is new. */
async function replayResponse(actorId: string, claim: IdempotencyClaim): Promise<Response | null> {
  const replay = await findIdempotentReplay(actorId, claim);
  if (!replay) return null;
  if (replay.kind === "mismatch") return jsonError(422, "This Idempotency-Key was already used for a different request.");
  return Response.json(replay.body, { status: replay.status, headers: { "idempotent-replayed": "true" } });
}

/** Field path → message, with nested paths joined ("sources.0.url") so each source row can show its own. */
function pathErrors(error: z.ZodError, translate: IssueTranslator): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "form"] ??= translate(issue);
  return errors;
}

/**
 * The boundary of every annotation endpoint: parse with zod, resolve the actor
 * from the session, limit writes, then run the data function, turning its
 * errors into messages that name the problem. With `idempotent`, a request
 * carrying an Idempotency-Key runs at most once per actor and key (24 hours).
 */
export async function respondToAnnotationRequest<S extends z.ZodType, R>(
  request: Request,
  schema: S,
  extra: Record<string, unknown>,
  work: (actor: Viewer, input: z.infer<S>, claim: IdempotencyClaim | null) => Promise<R>,
  options: { isWrite?: boolean; rateLimit?: "post" | "flag" | null; moderatorsOnly?: boolean; idempotent?: boolean } = {},
): Promise<Response> {
  const t = await getTranslations("apiErrors");
  // Moderation endpoints do not exist for anyone else: the same 404 as an unknown address, before any input is judged.
  if (options.moderatorsOnly) {
    const viewer = await getViewer();
    if (!isModerator(viewer && { role: viewer.role, isSuspended: viewer.suspension !== null })) return jsonError(404, t("notFound"));
  }
  const parsed = schema.safeParse({ ...(await readBody(request)), ...extra });
  if (!parsed.success) {
    const errors = pathErrors(parsed.error, await issueTranslator());
    return jsonError(400, Object.values(errors)[0] ?? t("checkInput"), errors);
  }
  const actor = await getViewer();
  if (!actor) return jsonError(401, t("signInFirst"));
  const key = options.idempotent ? parseIdempotencyKey(request.headers) : ({ kind: "none" } as const);
  if (key.kind === "invalid") return jsonError(400, "Idempotency-Key must be 1 to 200 visible ASCII characters.");
  const claim = key.kind === "key" ? { key: key.key, requestHash: hashRequest(request.method, new URL(request.url).pathname, parsed.data) } : null;
  // A retry of a request that already succeeded gets the same answer, without counting against the limit.
  if (claim) {
    const replay = await replayResponse(actor.id, claim);
    if (replay) return replay;
  }
  // `rateLimit: null` (moderators' decisions) means no limit: it must not fall back to posting's.
  const rateLimit = options.isWrite === false || options.rateLimit === null ? null : (options.rateLimit ?? "post");
  if (rateLimit) {
    const rule = rateLimit === "flag" ? "flagAnnotation" : isNewAccount(actor) ? "postAnnotationNewAccount" : "postAnnotation";
    const limit = await consumeRateLimit(rule, actor.id);
    if (!limit.allowed) return localizedTooManyRequests(limit.retryAfterSeconds, "postingFast");
  }
  try {
    return Response.json(await work(actor, parsed.data, claim));
  } catch (error) {
    // A concurrent duplicate committed first: answer with its response, having created nothing.
    if (error instanceof IdempotencyConflictError && claim) return (await replayResponse(actor.id, claim)) ?? jsonError(409, "A request with this Idempotency-Key is still in progress.");
    if (error instanceof AnnotationError) {
      const message = (await getTranslations("annotationErrors"))(error.code, error.values);
      return jsonError(error.status, message, error.field ? { [error.field]: message } : {});
    }
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("annotation request failed", error);
    return jsonError(500, t("serverError"));
  }
}
