import { useTranslations } from "next-intl";
import { threadIdsOf } from "@/lib/highlights/passage-ids";
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
 * run is a link to its thread: focusable, and it works without JavaScript. Its
 * accessible name says how many annotations cover it ("highlighted, 3
 * annotations"), and the next/previous-highlight keys move between these
 * links. A passage a link points at is outlined as well.
 */
export function HighlightedText({
  segments,
  passageIds,
  holdsFocusTarget,
  threadHref,
}: {
  segments: readonly Segment[];
  /** Per run, the id a thread's "back to the passage" link aims at (the first run of that thread's highlight). */
  passageIds: readonly (string | undefined)[];
  holdsFocusTarget: boolean;
  /** Where a highlight leads: its thread in the panel, or the page that shows that thread. */
  threadHref: (threadId: string) => string;
}) {
  const t = useTranslations("reader.highlight");
  // The first emphasised run of the block holding the target takes the focus id.
  const focusIndex = holdsFocusTarget ? segments.findIndex((segment) => segment.count > 0 && segment.isEmphasized) : -1;
  return segments.map((segment, index) => {
    if (segment.count === 0) return <span key={index}>{segment.text}</span>;
    const isEmphasized = segment.isEmphasized;
    const focusId = index === focusIndex ? FOCUSED_PASSAGE_ID : undefined;
    const threadIds = threadIdsOf(segment);
    const count = segment.count - (segment.highlightIds.length - threadIds.length);
    if (count === 0 || threadIds.length === 0) {
      return (
        <mark key={index} id={focusId} tabIndex={focusId ? -1 : undefined} className={`rounded-[2px] bg-[var(--color-highlight-2)] text-inherit ${EMPHASIS}`}>
          {segment.text}
        </mark>
      );
    }
    const label = t("label", { count, own: String(segment.hasOwn) });
    return (
      <a
        key={index}
        id={focusId ?? passageIds[index]}
        href={threadHref(threadIds[0]!)}
        data-highlight-ids={threadIds.join(" ")}
        data-highlight-count={count}
        data-highlight-label={label}
        aria-label={`${segment.text} — ${label}`}
        title={label}
        className={`rounded-[2px] text-inherit underline underline-offset-4 ${shade(count)} ${segment.hasOwn ? "decoration-[var(--color-accent)] decoration-2" : "decoration-[var(--color-muted)] decoration-dotted decoration-1"} ${isEmphasized ? EMPHASIS : ""}`}
      >
        {segment.text}
      </a>
    );
  });
}
