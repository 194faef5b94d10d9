import { isDatabaseUnavailable } from "./is-database-unavailable";

/** Seconds a client should wait before retrying: about one pool connect timeout. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The clean answer while the database is unreachable; clients retry with the same Idempotency-Key. */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: "database unavailable" },
    { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" } },
  );
}

/**
 * Wraps a route handler so that an unreachable database answers 503 with
 * Retry-After instead of a 500 (or a crash). Other errors pass through untouched.
 */
export function withDatabaseGuard<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error("database unavailable:", error instanceof Error ? error.message.split("\n").pop() : error);
      return databaseUnavailableResponse();
    }
  };
}
