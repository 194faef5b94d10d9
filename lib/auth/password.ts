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

export type PasswordWeakness = "tooShort" | "tooLong" | "common" | "personal";

/**
 * Why a new password is too weak, as a code the boundary words in the
 * request's language (validation.password.*), or null when it will do.
 * Length counts characters, not UTF-16 units.
 */
export function passwordWeakness(password: string, context: { email?: string; handle?: string; name?: string }): PasswordWeakness | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  if (isCommon(password)) return "common";
  if (containsPersonalDetails(password, context)) return "personal";
  return null;
}

const ENGLISH_WEAKNESS: Record<PasswordWeakness, string> = {
  tooShort: `Your password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Your password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: "That password is too common: it is on lists attackers try first. Choose something less predictable, such as a few unrelated words.",
  personal: "Your password shouldn't contain your name, handle or email address.",
};

/** passwordWeakness in English words, for scripts and tests outside a request. */
export function checkPasswordStrength(password: string, context: { email?: string; handle?: string; name?: string }): string | null {
  const weakness = passwordWeakness(password, context);
  return weakness ? ENGLISH_WEAKNESS[weakness] : null;
}
