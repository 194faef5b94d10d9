import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/config";

/** A key of its own for cursors, derived from AUTH_SECRET, so a cursor's MAC can never double as anything else's. */
export function cursorSecret(): string {
  return createHmac("sha256", authSecret()).update("gloss api pagination cursor").digest("hex");
}
