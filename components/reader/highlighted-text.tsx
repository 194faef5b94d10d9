import type { Segment } from "@/lib/highlights/segments";

/** Darker where more people highlighted; your own get an underline too, so it is not told by colour alone. */
function shade(count: number): string {
  if (count >= 3) return "bg-[var(--color-highlight-3)]";
  if (count === 2) return "bg-[var(--color-highlight-2)]";
  return "bg-[var(--color-highlight)]";
}

/**
 * A block's text with its highlights, rendered on the server. Each highlighted
 * run is a link to its thread: focusable, and it works without JavaScript.
 */
export function HighlightedText({ segments }: { segments: readonly Segment[] }) {
  return segments.map((segment, index) => {
    if (segment.highlightIds.length === 0) return <span key={index}>{segment.text}</span>;
    const count = segment.highlightIds.length;
    const label = `${count === 1 ? "Highlighted" : `Highlighted ${count} times`}${segment.hasOwn ? ", including yours" : ""}. Open the thread.`;
    return (
      <a
        key={index}
        href={`#thread-${segment.highlightIds[0]}`}
        data-highlight-ids={segment.highlightIds.join(" ")}
        aria-label={`${segment.text} — ${label}`}
        className={`rounded-[2px] text-inherit no-underline ${shade(count)} ${segment.hasOwn ? "underline decoration-[var(--color-accent)] decoration-2 underline-offset-4" : ""}`}
      >
        {segment.text}
      </a>
    );
  });
}
