import { stripInvalidText } from "@/lib/validation/clean-text";
import type { ImportRow } from "./import-rows";

/** The composer's bounds for a quote and its context (lib/validation/annotations.ts). */
const QUOTE_MAX = 5_000;
const CONTEXT_MAX = 64;

/**
 * An imported row held to what the composer allows: no control or bidi
 * override characters anywhere (a NUL fails the whole import in PostgreSQL,
 * others break the Atom feed's XML or hide text), context cut to the length
 * Gloss stores, and a quote too long to have been selected here left
 * unplaced rather than searched for at length.
 */
export function cleanImportRow(row: ImportRow): ImportRow {
  const quote = row.quote && {
    exact: stripInvalidText(row.quote.exact),
    prefix: stripInvalidText(row.quote.prefix).slice(-CONTEXT_MAX),
    suffix: stripInvalidText(row.quote.suffix).slice(0, CONTEXT_MAX),
  };
  const placeable = quote !== null && quote.exact.length > 0 && quote.exact.length <= QUOTE_MAX;
  return {
    ...row,
    user: row.user && { ...row.user, name: stripInvalidText(row.user.name), displayName: row.user.displayName === null ? null : stripInvalidText(row.user.displayName) },
    text: stripInvalidText(row.text),
    tags: row.tags.map(stripInvalidText).filter((tag) => tag.trim().length > 0),
    quote: placeable ? quote : null,
    position: placeable ? row.position : null,
    sources: row.sources.map((source) => ({ ...source, title: source.title === null ? null : stripInvalidText(source.title) })),
  };
}
