/** Suspension lengths a moderator can choose. */
export const suspensionDurations = ["1d", "7d", "30d", "permanent"] as const;
export type SuspensionDuration = (typeof suspensionDurations)[number];

const DAYS: Record<Exclude<SuspensionDuration, "permanent">, number> = { "1d": 1, "7d": 7, "30d": 30 };

/** When a suspension chosen now ends; null for permanent. */
export function suspensionEnd(duration: SuspensionDuration, now: Date): Date | null {
  if (duration === "permanent") return null;
  return new Date(now.getTime() + DAYS[duration] * 86_400_000);
}

/** Whether a suspension row is in force at `now`. */
export function isSuspensionActive(suspension: { liftedAt: Date | null; endsAt: Date | null }, now: Date): boolean {
  return suspension.liftedAt === null && (suspension.endsAt === null || suspension.endsAt > now);
}

/** The values of the "suspended" message a suspended person reads, naming why and until when. */
export function suspensionValues(suspension: { reason: string; endsAt: Date | null }): { permanent: "yes" | "no"; end: Date; reason: string } {
  return { permanent: suspension.endsAt ? "no" : "yes", end: suspension.endsAt ?? new Date(0), reason: suspension.reason };
}
