/**
 * Whether an error means "the database cannot be reached right now" rather
 * than a bug or a bad request: the server is down, restarting, refusing
 * connections, or the pool gave up waiting. Such requests get a 503 with
 * Retry-After instead of a 500, and the pool reconnects by itself.
 */

/** Prisma's codes for an unreachable server, a connect timeout, a closed connection, and a pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Driver adapter error kinds (see @prisma/driver-adapter-utils) that mean the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
/** Node socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections. */
const SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;
/** node-postgres reports these as plain Errors. */
const PG_MESSAGES = /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection due to administrator command|Can't reach database server/i;

function fieldsOf(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

function looksUnavailable(fields: Record<string, unknown>): boolean {
  const code = typeof fields.code === "string" ? fields.code : typeof fields.originalCode === "string" ? fields.originalCode : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
  if (typeof fields.kind === "string" && ADAPTER_KINDS.has(fields.kind)) return true;
  if (fields.kind === "postgres" && typeof fields.code === "string" && SQLSTATE.test(fields.code)) return true;
  return typeof fields.message === "string" && PG_MESSAGES.test(fields.message);
}

/** Walks the error, its causes and Prisma's wrapped adapter error (bounded, so a cyclic chain cannot loop). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const fields = fieldsOf(queue.shift());
    if (!fields) continue;
    if (looksUnavailable(fields)) return true;
    const meta = fieldsOf(fields.meta);
    queue.push(fields.cause, meta?.driverAdapterError, fieldsOf(meta?.driverAdapterError)?.cause);
    if (Array.isArray(fields.errors)) queue.push(...(fields.errors as unknown[]));
  }
  return false;
}
