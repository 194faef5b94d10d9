import type { Segment } from "./segments";

/** The highlights a run links to: shared passages are emphasis only, not threads. */
export function threadIdsOf(segment: Segment): string[] {
  return segment.highlightIds.filter((highlightId) => !highlightId.startsWith("shared:"));
}

/** The element id a thread's "back to the passage" link aims at. */
export const passageId = (threadId: string) => `passage-${threadId}`;

/**
 * Per block and run, the passage id that run carries: the first run in the
 * whole article that links to a thread (its first thread id) gets that
 * thread's id, so every id is unique and points at where the highlight begins.
 */
export function assignPassageIds(blocks: readonly (readonly Segment[])[]): (string | undefined)[][] {
  const placed = new Set<string>();
  return blocks.map((segments) =>
    segments.map((segment) => {
      const threadId = threadIdsOf(segment)[0];
      if (!threadId || placed.has(threadId)) return undefined;
      placed.add(threadId);
      return passageId(threadId);
    }),
  );
}
