/** Browser helpers for moving between highlights; the highlights themselves are server-rendered links. */

/** Every highlight run in the article, in document order. */
export function highlightLinks(): HTMLAnchorElement[] {
  return Array.from(document.querySelectorAll<HTMLAnchorElement>("[data-article-body] a[data-highlight-ids]"));
}

/**
 * The highlight after (or before) the focus: the neighbour of the focused
 * highlight, else the first one after (last one before) the focused element
 * in document order. Wraps around at the ends.
 */
export function neighbourHighlight(links: readonly HTMLAnchorElement[], from: Element | null, direction: 1 | -1): HTMLAnchorElement | undefined {
  if (links.length === 0) return undefined;
  const at = from instanceof HTMLAnchorElement ? links.indexOf(from) : -1;
  if (at >= 0) return links[(at + direction + links.length) % links.length];
  if (!from || from === document.body) return direction === 1 ? links[0] : links[links.length - 1];
  const isAfter = (link: Element) => Boolean(from.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING);
  return direction === 1 ? (links.find(isAfter) ?? links[0]) : ([...links].reverse().find((link) => !isAfter(link)) ?? links[links.length - 1]);
}

/** The first run of a thread's highlight: its id when the server gave it one, else the first run naming it. */
export function passageOf(threadId: string): HTMLElement | null {
  return (
    document.getElementById(`passage-${threadId}`) ??
    highlightLinks().find((link) => link.dataset.highlightIds?.split(" ").includes(threadId)) ??
    null
  );
}

/** Focuses an element and brings it into view, smoothly unless the reader asked for less motion. */
export function focusAndReveal(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
}

/** Runs `then` once the article body is no longer editable (keyboard selection has ended), or at once if it is not. */
export function afterKeyboardSelection(then: () => void, framesLeft = 30): void {
  const isEditable = document.querySelector("[data-article-body][contenteditable=true]") !== null;
  if (!isEditable || framesLeft === 0) return then();
  requestAnimationFrame(() => afterKeyboardSelection(then, framesLeft - 1));
}

/** Whether a key press belongs to what the reader is typing, not to the page's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable=true]") !== null;
}
