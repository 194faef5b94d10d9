/** Whole seconds, at least one: a wait of "0 seconds" would invite an immediate retry. */
function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * A wait in the largest unit that reads naturally ("45 seconds", "2 minutes",
 * "3 hours"), rounded up so we never tell someone to come back too early.
 */
export function describeWait(seconds: number): string {
  const total = wholeSeconds(seconds);
  if (total < 60) return plural(total, "second");
  const minutes = Math.ceil(total / 60);
  if (minutes < 60) return plural(minutes, "minute");
  return plural(Math.ceil(total / 3600), "hour");
}

/** The 429 every rate-limited route returns; Retry-After lets clients and proxies back off. */
export function tooManyRequests(retryAfterSeconds: number, message?: string): Response {
  const wait = wholeSeconds(retryAfterSeconds);
  return Response.json(
    { error: "rate_limited", message: message ?? `Too many attempts. Try again in ${describeWait(wait)}.` },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}
