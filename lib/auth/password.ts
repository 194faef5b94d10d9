import { hash, verify } from "@node-rs/argon2";
import { COMMON_FULL, COMMON_WORDS } from "./common-passwords.ts";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
 * `algorithm: 2` is Argon2id; the library's enum is a const enum, which
 * isolated-module compilers cannot inline.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** False for a wrong password or a malformed hash; never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const commonFull = new Set(COMMON_FULL.split("\n"));
const commonWords = new Set(COMMON_WORDS.split("\n"));

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a new password is too weak, in words for the person choosing it, or
 * null when it will do.
 */
export function checkPasswordStrength(password: string, context: { email?: string; handle?: string; name?: string }): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Your password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Your password can have at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  const stripped = lowered.replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
  if (commonFull.has(lowered) || commonWords.has(stripped) || new Set(lowered).size <= 2) {
    return "That password is too common: it is on lists attackers try first. Choose something less predictable, such as a few unrelated words.";
  }
  const personal = [context.email?.split("@")[0], context.handle, context.name]
    .map((part) => part?.toLowerCase().replace(/\s+/g, ""))
    .filter((part): part is string => Boolean(part && part.length >= 3));
  const compact = lowered.replace(/\s+/g, "");
  if (personal.some((part) => compact.includes(part))) return "Your password shouldn't contain your name, handle or email address.";
  return null;
}
