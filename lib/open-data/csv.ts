import type { ExportContext, OpenAnnotation } from "./types";
import { annotationIri } from "./web-annotation";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula, so a hostile annotation could compute or
 * fetch things on the reader's machine. Such cells get a leading apostrophe,
 * the OWASP remedy, which spreadsheets show as text.
 */
function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvCell).join(",");
}

export const CSV_HEADER = [
  "id",
  "url",
  "article",
  "motivation",
  "parent_id",
  "author_handle",
  "author_name",
  "visibility",
  "quote",
  "prefix",
  "suffix",
  "start",
  "end",
  "body",
  "tags",
  "sources",
  "created",
  "modified",
] as const;

/** The annotations as CSV with a header row and CRLF line ends; sources are "stance url" joined by spaces. */
export function toCsv(annotations: readonly OpenAnnotation[], context: Pick<ExportContext, "siteUrl">): string {
  const lines = [csvRow(CSV_HEADER)];
  for (const a of annotations) {
    lines.push(
      csvRow([
        a.id,
        annotationIri(context.siteUrl, a.id),
        a.articleSlug,
        a.parentId ? "replying" : a.body === null ? "highlighting" : "commenting",
        a.parentId,
        a.author?.handle,
        a.author?.name,
        a.visibility.toLowerCase(),
        a.quote?.exact,
        a.quote?.prefix,
        a.quote?.suffix,
        a.position?.start,
        a.position?.end,
        a.body,
        a.tags.join(" "),
        a.sources.map((source) => `${source.stance.toLowerCase()} ${source.url}`).join(" "),
        a.createdAt.toISOString(),
        a.modifiedAt.toISOString(),
      ]),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
