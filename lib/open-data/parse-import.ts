import { MAX_IMPORT_ROWS, type ParsedImport } from "./import-rows";
import { parseHypothesisRows } from "./parse-hypothesis";
import { parseWebAnnotations } from "./parse-web-annotation";

export class ImportFormatError extends Error {}

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
    throw new ImportFormatError("The file is not valid JSON.");
  }
  let items: unknown[] | null = null;
  if (Array.isArray(data)) items = data;
  else if (data && typeof data === "object") {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.rows)) items = record.rows;
    else if (isWebAnnotation(record)) items = [record];
    else items = itemsOf(record);
  }
  if (!items) throw new ImportFormatError("Expected Hypothesis API rows or a W3C AnnotationCollection, AnnotationPage or Annotation.");
  if (items.length > MAX_IMPORT_ROWS) throw new ImportFormatError(`An import can hold at most ${MAX_IMPORT_ROWS.toLocaleString("en")} annotations.`);
  const isWeb = items.length > 0 && items.every(isWebAnnotation);
  return isWeb ? { format: "web-annotation", ...parseWebAnnotations(items) } : { format: "hypothesis", ...parseHypothesisRows(items) };
}
