import { createHash, randomBytes } from "node:crypto";
import type { EmailTokenPurpose, Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** The app's client, or the `tx` of a transaction the caller already runs. */
type Db = PrismaClient | Prisma.TransactionClient;

/**
 * How long each kind of link works: a day to verify an address (mail can be
 * slow to arrive or be read), an hour to reset a password (a leaked reset
 * link is an account takeover, so its window stays short).
 */
export const EMAIL_TOKEN_TTL_MINUTES = {
  VERIFY_EMAIL: 24 * 60,
  RESET_PASSWORD: 60,
} as const satisfies Record<EmailTokenPurpose, number>;

/** Only this hash is stored, so a database leak yields no usable links. */
export function hashToken(rawToken: string): string {
  return createHash("sha256").update(rawToken).digest("hex");
}

/**
 * Makes a single-use link token (32 random bytes, base64url) and stores its
 * hash. Earlier unused links of the same user and purpose are expired, so
 * only the newest link works.
 */
export async function createEmailToken(
  db: Db,
  input: { userId: string; purpose: EmailTokenPurpose; email: string; ttlMinutes: number },
): Promise<string> {
  const rawToken = randomBytes(32).toString("base64url");
  const now = new Date();
  // Expired rather than marked used, so an old link reads "expired, ask for a new one", not "already used".
  const supersede = {
    where: { userId: input.userId, purpose: input.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  };
  const data = {
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: hashToken(rawToken),
    expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000),
  };
  // Two plain writes rather than a transaction of our own, so a caller's `tx` works too.
  // Interleaved with a concurrent call, both new links stay live; each is still single-use.
  await db.emailToken.updateMany(supersede);
  await db.emailToken.create({ data });
  return rawToken;
}

export type ConsumeResult = { ok: true; token: { userId: string; email: string } } | { ok: false; reason: "invalid" | "expired" | "used" };

/**
 * Spends a token. The update's where clause is the guard, so of several
 * requests racing with one link exactly one succeeds; a failure is then
 * classified from the row as it stands. A token of another purpose is
 * "invalid", so a verification link cannot reset a password.
 */
export async function consumeEmailToken(db: Db, rawToken: string, purpose: EmailTokenPurpose): Promise<ConsumeResult> {
  const tokenHash = hashToken(rawToken);
  const now = new Date();
  const { count } = await db.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const token = await db.emailToken.findUnique({ where: { tokenHash }, select: { userId: true, email: true, purpose: true, usedAt: true } });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (count === 1) return { ok: true, token: { userId: token.userId, email: token.email } };
  return { ok: false, reason: token.usedAt ? "used" : "expired" };
}
