import { hash, verify } from "@node-rs/argon2";
import { COMMON_CORES, COMMON_FULL } from "./common-passwords.ts";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
 * `algorithm: 2` is Algorithm.Argon2id: the library declares a const enum,
 * which isolatedModules forbids reading, so the value is written out.
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

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const lines = (list: string) => new Set(list.split("\n").filter(Boolean));
const commonFull = lines(COMMON_FULL);
const commonCores = lines(COMMON_CORES);

/** Lowercase letters and digits only, so "Ada.Lovelace" and "ada lovelace" compare equal. */
const squash = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function isCommon(password: string): boolean {
  const lowered = password.toLowerCase();
  // The list's cores are what is left once padding digits and symbols are trimmed off.
  const core = lowered.replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
  return commonFull.has(lowered) || commonCores.has(core) || new Set(lowered).size <= 2;
}

function containsPersonalDetails(password: string, context: { email?: string; handle?: string; name?: string }): boolean {
  const localPart = context.email?.split("@")[0]?.split("+")[0];
  const nameWords = context.name?.split(/\s+/).filter((word) => word.length >= 4) ?? [];
  const parts = [localPart, context.handle, context.name, ...nameWords]
    .map((part) => squash(part ?? ""))
    .filter((part) => part.length >= 3);
  const squashed = squash(password);
  return parts.some((part) => squashed.includes(part));
}

/**
 * Why a new password is too weak, in words for the person choosing it, or
 * null when it will do. Length counts characters, not UTF-16 units.
 */
export function checkPasswordStrength(password: string, context: { email?: string; handle?: string; name?: string }): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Your password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Your password can have at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommon(password)) {
    return "That password is too common: it is on lists attackers try first. Choose something less predictable, such as a few unrelated words.";
  }
  if (containsPersonalDetails(password, context)) return "Your password shouldn't contain your name, handle or email address.";
  return null;
}
