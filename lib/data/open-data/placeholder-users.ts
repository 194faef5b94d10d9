import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Addresses under the reserved `.invalid` domain: no mail can reach them, no
 * OAuth provider vouches for them, and they never clash with a real account.
 */
function placeholderEmail(user: { name: string; domain: string }): string {
  const key = createHash("sha256").update(`${user.name.toLowerCase()}@${user.domain.toLowerCase()}`).digest("hex").slice(0, 24);
  return `imported-${key}@placeholder.invalid`;
}

/** A handle built from the original name: lowercase letters, digits and underscores, as handles are. */
export function handleBase(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 24);
  return cleaned.length >= 3 ? cleaned : `user_${cleaned}`.slice(0, 24);
}

/**
 * The placeholder author for an imported user, made on first import and
 * reused after: named after the original user, with no password, no verified
 * address and `isPlaceholder` set, so it can never sign in or act.
 */
export async function findOrCreatePlaceholder(tx: Prisma.TransactionClient, user: { name: string; domain: string; displayName: string | null }): Promise<string> {
  const email = placeholderEmail(user);
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  const base = handleBase(user.name);
  const taken = new Set(
    (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((row) => row.handle),
  );
  let handle = base;
  for (let suffix = 2; taken.has(handle); suffix++) handle = `${base}_${suffix}`;
  const created = await tx.user.create({
    data: { email, handle, name: (user.displayName?.trim() || user.name).slice(0, 80), passwordHash: null, isPlaceholder: true },
    select: { id: true },
  });
  return created.id;
}
