/**
 * Reads an import file's addresses and dates as Gloss means them. Addresses
 * are compared by origin and path: a query, a fragment or a trailing slash
 * does not make another place.
 */

function pathOnSite(address: string, siteUrl: string): string | null {
  let url: URL;
  let site: URL;
  try {
    url = new URL(address);
    site = new URL(siteUrl);
  } catch {
    return null;
  }
  return url.origin === site.origin ? url.pathname.replace(/\/+$/, "") : null;
}

/** The id of a Gloss annotation whose IRI (`<site>/a/<id>`, as exported) is on this site; null otherwise. */
export function localAnnotationId(iri: string, siteUrl: string): string | null {
  const path = pathOnSite(iri, siteUrl);
  const match = path === null ? null : /^\/a\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  return match ? match[1]! : null;
}

/** Sources record `updated` a moment after `created` on save; only a later edit counts as one. */
const EDIT_THRESHOLD_MS = 1_000;

/** When an imported annotation was last edited, or null when it never was. */
export function importedEditedAt(row: { created: Date | null; modified: Date | null }): Date | null {
  if (!row.created || !row.modified) return null;
  return row.modified.getTime() - row.created.getTime() >= EDIT_THRESHOLD_MS ? row.modified : null;
}
