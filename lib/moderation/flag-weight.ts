/**
 * How much one person's flag counts towards hiding an annotation
 * automatically. Fresh accounts are cheap to make, so their flags count less:
 *
 * - under a day old, or unverified: 0 (they can flag, a moderator sees it, but it hides nothing);
 * - from a day old until "established" (3 days by default): 0.5;
 * - established accounts, moderators and admins: 1.
 *
 * With the default threshold of 3, three established readers hide an
 * annotation pending review, and a ring of throwaway accounts cannot.
 */
export interface FlaggerFacts {
  role: "READER" | "MODERATOR" | "ADMIN";
  isEmailVerified: boolean;
  createdAt: Date;
}

const DAY_MS = 86_400_000;

export function flagWeight(flagger: FlaggerFacts, now: Date, establishedDays: number): number {
  if (flagger.role !== "READER") return 1;
  if (!flagger.isEmailVerified) return 0;
  const ageDays = (now.getTime() - flagger.createdAt.getTime()) / DAY_MS;
  if (ageDays < 1) return 0;
  return ageDays >= establishedDays ? 1 : 0.5;
}

/** Whether open flags from distinct people reach the threshold. */
export function flagsReachThreshold(flaggers: FlaggerFacts[], now: Date, options: { establishedDays: number; threshold: number }): boolean {
  const total = flaggers.reduce((sum, flagger) => sum + flagWeight(flagger, now, options.establishedDays), 0);
  return total >= options.threshold;
}
