import { createHash, randomBytes } from "node:crypto";

/** Every token starts so; secret scanners and people can tell what leaked. */
export const TOKEN_PREFIX = "gloss_pat_";

export const API_SCOPES = ["read:private", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** 32 random bytes: far too many to guess, so a fast hash (not a password hash) is enough to store it. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the account page shows to tell tokens apart: the prefix and a few random characters. */
export function visiblePrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}
