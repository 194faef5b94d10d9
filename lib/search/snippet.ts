/** A piece of a result's snippet: plain text, marked where it matched. Rendered as text nodes, never as HTML. */
export interface SnippetSegment {
  text: string;
  isMatch: boolean;
}

/** ts_headline is asked to wrap matches in these control characters, which cannot come from the body (they are stripped first). */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;

/** The runs of Chinese, Japanese or Korean characters in a query: each must appear in a result as written. */
export function cjkRuns(query: string): string[] {
  return [...new Set(query.match(CJK_RUN) ?? [])];
}

/** Splits ts_headline's output at the markers into segments. */
export function parseHeadline(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      segments.push({ text: rest, isMatch: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), isMatch: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    segments.push({ text: rest.slice(start + 1, stop), isMatch: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return segments.filter((segment) => segment.text.length > 0);
}

/**
 * A snippet around the first occurrence of any term (used for Chinese text,
 * where the english configuration finds nothing to highlight): `radius` code
 * points either side, every occurrence of a term marked.
 */
export function excerptAround(body: string, terms: readonly string[], radius = 60): SnippetSegment[] {
  const text = body.replace(/\s+/g, " ").trim();
  const present = terms.filter((term) => term && text.includes(term));
  if (present.length === 0) return [{ text: Array.from(text).slice(0, radius * 2).join(""), isMatch: false }];
  const first = Math.min(...present.map((term) => text.indexOf(term)));
  const from = Math.max(0, first - radius);
  const to = Math.min(text.length, first + radius * 2);
  const window = `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  const pattern = new RegExp(present.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const segments: SnippetSegment[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: window.slice(last, match.index), isMatch: false });
    segments.push({ text: match[0], isMatch: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) segments.push({ text: window.slice(last), isMatch: false });
  return segments;
}
