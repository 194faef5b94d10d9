/** A unique index refused the row, whichever way the driver adapter reports it (P2002, or PostgreSQL's 23505 underneath). */
export function isUniqueViolation(error: unknown): boolean {
  const fields = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return fields?.code === "P2002" || fields?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
