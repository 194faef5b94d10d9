import type { Segment } from "@/lib/highlights/segments";

/** The id of the passage a link points at; FocusOnLoad and the no-JavaScript refresh both aim here. */
export const FOCUSED_PASSAGE_ID = "focused-passage";

/** Darker where more people highlighted; your own get an underline too, so it is not told by colour alone. */
function shade(count: number): string {
  if (count >= 3) return "bg-[var(--color-highlight-3)]";
  if (count === 2) return "bg-[var(--color-highlight-2)]";
  return "bg-[var(--color-highlight)]";
}

const EMPHASIS = "outline outline-2 outline-offset-1 outline-[var(--color-accent)]";

/**
 * A block's text with its highlights, rendered on the server. Each highlighted
 * run is a link to its thread: focusable, and it works without JavaScript. A
 * passage a link points at is outlined as well.
 */
export function HighlightedText({
  segments,
  holdsFocusTarget,
  threadHref,
}: {
  segments: readonly Segment[];
  holdsFocusTarget: boolean;
  /** Where a highlight leads: its thread in the panel, or the page that shows that thread. */
  threadHref: (threadId: string) => string;
}) {
  let isTargetPlaced = !holdsFocusTarget;
  return segments.map((segment, index) => {
    if (segment.count === 0) return <span key={index}>{segment.text}</span>;
    const isEmphasized = segment.isEmphasized;
    const id = isEmphasized && !isTargetPlaced ? FOCUSED_PASSAGE_ID : undefined;
    if (id) isTargetPlaced = true;
    const threadIds = segment.highlightIds.filter((highlightId) => !highlightId.startsWith("shared:"));
    const count = segment.count - (segment.highlightIds.length - threadIds.length);
    if (count === 0 || threadIds.length === 0) {
      return (
        <mark key={index} id={id} tabIndex={id ? -1 : undefined} className={`rounded-[2px] bg-[var(--color-highlight-2)] text-inherit ${EMPHASIS}`}>
          {segment.text}
        </mark>
      );
    }
    const label = `${count === 1 ? "Highlighted" : `Highlighted ${count.toLocaleString("en")} times`}${segment.hasOwn ? ", including yours" : ""}. Open the thread.`;
    return (
      <a
        key={index}
        id={id}
        href={threadHref(threadIds[0]!)}
        data-highlight-ids={threadIds.join(" ")}
        data-highlight-count={count}
        aria-label={`${segment.text} — ${label}`}
        className={`rounded-[2px] text-inherit no-underline ${shade(count)} ${segment.hasOwn ? "underline decoration-[var(--color-accent)] decoration-2 underline-offset-4" : ""} ${isEmphasized ? EMPHASIS : ""}`}
      >
        {segment.text}
      </a>
    );
  });
}
