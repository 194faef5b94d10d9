import type { ArticleBlock } from "../articles/blocks";
import { buildCanonicalText } from "../articles/canonical-text";
import { MAX_QUOTE_ERROR_RATIO, MIN_ANCHOR_SCORE } from "./anchor";
import { matchQuote } from "./match-quote";

/**
 * Finds a passage shared by link in the current text, with the same bar as
 * stored highlights: below the minimum score it is "not-found", never a guess.
 */
export function locateSharedPassage(
  blocks: readonly ArticleBlock[],
  passage: { quote: string; prefix: string; suffix: string; start?: number } | "invalid" | null,
): { start: number; end: number } | "not-found" | null {
  if (passage === null) return null;
  if (passage === "invalid") return "not-found";
  const canonical = buildCanonicalText(blocks);
  const match = matchQuote(canonical.text, passage.quote, { prefix: passage.prefix, suffix: passage.suffix, hint: passage.start });
  // As for a stored highlight, the words themselves must be close, not only their surroundings.
  const isConfident = match !== null && match.score >= MIN_ANCHOR_SCORE && match.quoteScore >= 1 - MAX_QUOTE_ERROR_RATIO;
  return isConfident ? { start: match.start, end: match.end } : "not-found";
}
