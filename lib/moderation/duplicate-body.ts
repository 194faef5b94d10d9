import { createHash } from "node:crypto";

/**
 * The form of a body used to spot the same text posted again and again:
 * case, spacing and punctuation runs do not make a copy new.
 */
export function duplicateKey(body: string): string {
  return body
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();
}

/** What is stored beside a body (Annotation.bodyKey): a fixed-size digest of its duplicate key; null for no body. */
export function bodyKeyOf(body: string | null): string | null {
  return body === null ? null : createHash("sha256").update(duplicateKey(body)).digest("base64url");
}
