import type { Viewer } from "@/lib/auth/viewer";
import type { ModeratorFacts } from "@/lib/moderation/permissions";

/** The facts the permission rules need about the person acting. */
export function moderatorFacts(actor: Viewer | null): ModeratorFacts | null {
  return actor ? { id: actor.id, role: actor.role, isSuspended: actor.suspension !== null } : null;
}
