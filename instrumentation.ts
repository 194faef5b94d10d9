/** Runs once per server instance at start: background work that every instance may share safely. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startDigestRunner } = await import("./lib/notifications/digest-runner");
  startDigestRunner();
}
