import type { Viewer } from "@/lib/auth/viewer";
import { suspensionValues } from "@/lib/moderation/suspension";
import { AnnotationError } from "./errors";

/**
 * Posting, replying, editing, flagging and voting need a verified address and
 * no suspension in force. The viewer is read fresh on every request, so a
 * suspension stops a session that was already open at its next request.
 */
export function assertMayParticipate(actor: Viewer, doing: "annotating" | "replying" | "voting" | "flagging" | "editing"): void {
  if (!actor.isEmailVerified) throw new AnnotationError(403, "verifyFirst", { values: { doing } });
  if (actor.suspension) throw new AnnotationError(403, "suspended", { values: suspensionValues(actor.suspension) });
}
