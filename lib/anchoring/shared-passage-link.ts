/**
 * The link the toolbar's "Copy link" makes: the passage's selectors in the
 * query string, read back by parseSharedPassage. Kept apart from that parser
 * so the page's JavaScript does not carry the validation library.
 */
export function sharedPassagePath(slug: string, passage: { exact: string; prefix: string; suffix: string; start: number }): string {
  const params = new URLSearchParams({ quote: passage.exact, prefix: passage.prefix, suffix: passage.suffix, start: String(passage.start) });
  return `/articles/${slug}?${params.toString()}`;
}
