import { createHash } from "node:crypto";

/** How long a key is remembered: a client retrying later than this makes a new post. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A request's claim on a key: the key and a digest of what was asked with it. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

export type ParsedKey = { kind: "none" } | { kind: "invalid" } | { kind: "key"; key: string };

/** Reads the Idempotency-Key header: 1 to 200 visible ASCII characters (a UUID is typical). */
export function parseIdempotencyKey(headers: Headers): ParsedKey {
  const key = headers.get("idempotency-key");
  if (key === null) return { kind: "none" };
  return /^[\x21-\x7e]{1,200}$/.test(key) ? { kind: "key", key } : { kind: "invalid" };
}

/**
 * The digest of a request, so a key reused for a different request is
 * refused instead of answering with another post's result.
 */
export function hashRequest(method: string, path: string, input: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${JSON.stringify(input)}`).digest("hex");
}
