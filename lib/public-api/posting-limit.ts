import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { moderationConfig } from "@/lib/moderation/config";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { ApiError } from "./api-error";

/**
 * Posts through the API count against the same per-person limit as posts from
 * the page, so a token is no way around it (new accounts post slower here too).
 */
export async function consumePostingLimit(actor: Viewer): Promise<void> {
  const isNew = Date.now() - actor.createdAt.getTime() < moderationConfig().newAccountHours * 3_600_000;
  const limit = await consumeRateLimit(isNew ? "postAnnotationNewAccount" : "postAnnotation", actor.id);
  if (!limit.allowed) {
    throw new ApiError(429, "You're posting very fast. Wait a moment and try again.", {}, { "retry-after": String(Math.max(1, Math.ceil(limit.retryAfterSeconds))) });
  }
}
