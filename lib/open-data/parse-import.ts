import { cleanImportRow } from "./clean-import-row";
import { MAX_IMPORT_ROWS, type ParsedImport } from "./import-rows";
import { parseHypothesisRows } from "./parse-hypothesis";
import { parseWebAnnotations } from "./parse-web-annotation";

/** A file Gloss cannot read: a code of the "opendata.importErrors" messages, worded by the route in the reader's language. */
export class ImportFormatError extends Error {
  constructor(
    readonly code: "invalidJson" | "unknownShape" | "tooManyRows" | "partialCollection",
    readonly values: Record<string, number> = {},
  ) {
    super(code);
  }
}

function itemsOf(value: Record<string, unknown>): unknown[] | null {
  if (Array.isArray(value.items)) return value.items;
  const first = value.first;
  if (first && typeof first === "object" && Array.isArray((first as { items?: unknown }).items)) return (first as { items: unknown[] }).items;
  return null;
}

function isWebAnnotation(value: unknown): boolean {
  return !!value && typeof value === "object" && (value as { type?: unknown }).type === "Annotation";
}

/**
 * Reads an import file: the Hypothesis API's JSON (an array of rows, or a
 * search result `{ rows: [...] }`) or W3C Web Annotations (an
 * AnnotationCollection, an AnnotationPage, one Annotation or an array of
 * them, as Gloss exports them). Throws ImportFormatError for anything else.
 */
export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFormatError("invalidJson");
  }
  let items: unknown[] | null = null;
  if (Array.isArray(data)) items = data;
  else if (data && typeof data === "object") {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.rows)) items = record.rows;
    else if (isWebAnnotation(record)) items = [record];
    else items = itemsOf(record);
  }
  if (!items) throw new ImportFormatError("unknownShape");
  // A collection embeds only its first page: importing it as if it were all would drop the rest without a word.
  const total = data && typeof data === "object" ? (data as { total?: unknown }).total : undefined;
  if (typeof total === "number" && total > items.length) throw new ImportFormatError("partialCollection", { total, included: items.length });
  if (items.length > MAX_IMPORT_ROWS) throw new ImportFormatError("tooManyRows", { max: MAX_IMPORT_ROWS });
  const isWeb = items.length > 0 && items.every(isWebAnnotation);
  const parsed = isWeb ? { format: "web-annotation" as const, ...parseWebAnnotations(items) } : { format: "hypothesis" as const, ...parseHypothesisRows(items) };
  return { ...parsed, rows: parsed.rows.map(cleanImportRow) };
}
