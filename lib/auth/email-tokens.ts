import { createHash, randomBytes } from "node:crypto";
import type { EmailTokenPurpose, PrismaClient } from "@/lib/generated/prisma/client";

/** Only this hash is stored, so a database leak yields no usable links. */
export function hashToken(rawToken: string): string {
  return createHash("sha256").update(rawToken).digest("hex");
}

/**
 * Makes a single-use link token and stores its hash. Earlier unused tokens
 * for the same purpose stop working, so only the newest link does.
 */
export async function createEmailToken(
  db: PrismaClient,
  input: { userId: string; purpose: EmailTokenPurpose; email: string; ttlMinutes: number },
): Promise<string> {
  const rawToken = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.$transaction([
    db.emailToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } }),
    db.emailToken.create({
      data: {
        userId: input.userId,
        purpose: input.purpose,
        email: input.email,
        tokenHash: hashToken(rawToken),
        expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000),
      },
    }),
  ]);
  return rawToken;
}

export type ConsumeResult = { ok: true; token: { userId: string; email: string } } | { ok: false; reason: "invalid" | "expired" | "used" };

/**
 * Spends a token. The update's where clause is the guard, so of two requests
 * racing with one link exactly one succeeds.
 */
export async function consumeEmailToken(db: PrismaClient, rawToken: string, purpose: EmailTokenPurpose): Promise<ConsumeResult> {
  const tokenHash = hashToken(rawToken);
  const now = new Date();
  const { count } = await db.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const token = await db.emailToken.findUnique({ where: { tokenHash }, select: { userId: true, email: true, purpose: true, expiresAt: true, usedAt: true } });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (count === 1) return { ok: true, token: { userId: token.userId, email: token.email } };
  if (token.usedAt) return { ok: false, reason: "used" };
  return { ok: false, reason: "expired" };
}
