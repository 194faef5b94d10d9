import type { LiveMessage } from "@/lib/live/events";

export interface LiveUpdatePlan {
  /** A new thread to hold behind the bar. */
  hold?: string;
  /** A held thread that went away before it was shown. */
  release?: string;
  /** Re-render the discussion from the server. */
  refresh: boolean;
}

/**
 * What one event does to an open page. A new thread by someone else (or one a
 * moderator just approved) is held; everything else that touches the page (a
 * reply, an edit, a hide, a deletion, one's own new thread from another tab)
 * re-renders it in place.
 */
export function planLiveUpdate(message: LiveMessage, isThreadShown: (threadId: string) => boolean): LiveUpdatePlan {
  const appears = message.kind === "annotation.created" || message.kind === "annotation.restored";
  const isNewThread = message.isVisible && message.rootId === null && appears && !isThreadShown(message.annotationId);
  if (isNewThread && !message.isOwn) return { hold: message.annotationId, refresh: false };
  if (!message.isVisible) return { release: message.annotationId, refresh: true };
  return { refresh: true };
}
