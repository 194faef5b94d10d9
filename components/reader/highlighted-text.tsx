import { useTranslations } from "next-intl";
import { threadIdsOf } from "@/lib/highlights/passage-ids";
import type { Segment } from "@/lib/highlights/segments";

/** The id of the passage a link points at; FocusOnLoad and the no-JavaScript refresh both aim here. */
export const FOCUSED_PASSAGE_ID = "focused-passage";

/**
 * Darker where more people highlighted; your own get a solid underline too, so
 * it is not told by colour alone. The classes (app/globals.css) are short on
 * purpose: every run carries them twice, in the HTML and in the page's payload.
 */
function shade(count: number): string {
  if (count >= 3) return "hl hl-3";
  if (count === 2) return "hl hl-2";
  return "hl";
}

const EMPHASIS = "hl-em";

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
        <mark key={index} id={focusId} tabIndex={focusId ? -1 : undefined} className={`hl-mark ${EMPHASIS}`}>
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
        aria-label={`${segment.text} — ${label}`}
        title={label}
        className={[shade(count), segment.hasOwn ? "hl-own" : "", isEmphasized ? EMPHASIS : ""].filter(Boolean).join(" ")}
      >
        {segment.text}
      </a>
    );
  });
}
