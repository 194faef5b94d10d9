/** Whole seconds, at least one: a wait of "0 seconds" would invite an immediate retry. */
function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * A wait in the largest unit that reads naturally (45 seconds, 2 minutes,
 * 3 hours), rounded up so we never tell someone to come back too early.
 */
export function waitInUnits(seconds: number): { unit: "seconds" | "minutes" | "hours"; count: number } {
  const total = wholeSeconds(seconds);
  if (total < 60) return { unit: "seconds", count: total };
  const minutes = Math.ceil(total / 60);
  if (minutes < 60) return { unit: "minutes", count: minutes };
  return { unit: "hours", count: Math.ceil(total / 3600) };
}

/** The wait in English ("45 seconds"); localised answers use waitInUnits with the apiErrors messages. */
export function describeWait(seconds: number): string {
  const { unit, count } = waitInUnits(seconds);
  return plural(count, unit.slice(0, -1));
}

/** The 429 every rate-limited route returns; Retry-After lets clients and proxies back off. */
export function tooManyRequests(retryAfterSeconds: number, message?: string): Response {
  const wait = wholeSeconds(retryAfterSeconds);
  return Response.json(
    { error: "rate_limited", message: message ?? `Too many attempts. Try again in ${describeWait(wait)}.` },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}
