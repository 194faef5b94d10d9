/** What happened to an annotation, as stored in LiveEvent.kind and sent to clients. */
export const liveEventKinds = [
  "annotation.created",
  "annotation.updated",
  "annotation.deleted",
  "annotation.hidden",
  "annotation.restored",
] as const;
export type LiveEventKind = (typeof liveEventKinds)[number];

/** The channel of PostgreSQL NOTIFY; payloads are "<articleId>:<eventId>", ids only. */
export const LIVE_CHANNEL = "gloss_live";

/** One event as a viewer receives it: never any content, which the page loads through its usual scoped reads. */
export interface LiveMessage {
  id: string;
  kind: LiveEventKind;
  annotationId: string;
  /** The thread's root; null for a root (a new thread) or when the viewer may no longer see it. */
  rootId: string | null;
  /** False once the viewer may no longer see it (hidden, deleted): the page drops it. */
  isVisible: boolean;
  isOwn: boolean;
}

/** Kinds that take something away: sent, as a bare id, even to viewers who may not see the annotation. */
export function isRemoval(kind: LiveEventKind): boolean {
  return kind === "annotation.deleted" || kind === "annotation.hidden";
}

/** `Last-Event-ID` or `?since=`: a non-negative integer, else null (start from now). */
export function parseEventCursor(raw: string | null | undefined): bigint | null {
  return raw && /^[0-9]{1,19}$/.test(raw) ? BigInt(raw) : null;
}

/** One Server-Sent Events frame. `data` is JSON, which has no raw newlines. */
export function sseFrame(message: LiveMessage): string {
  return `id: ${message.id}\nevent: live\ndata: ${JSON.stringify(message)}\n\n`;
}
