import { createTranslator } from "use-intl/core";
import english from "@/messages/en/annotationErrors.json";

export type AnnotationErrorCode = keyof typeof english;
export type AnnotationErrorValues = Record<string, string | Date>;

// Only for the English `message` (logs, the public API); people read the code translated in their language.
const inEnglish = createTranslator({ locale: "en", messages: english as Record<string, string>, timeZone: "UTC" });

/**
 * A failure the person caused, with the field it concerns: a code from the
 * "annotationErrors" messages and its values, so each boundary words it in
 * the reader's language.
 */
export class AnnotationError extends Error {
  readonly field?: string;
  readonly values: AnnotationErrorValues;

  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: AnnotationErrorCode,
    options: { field?: string; values?: AnnotationErrorValues } = {},
  ) {
    super(inEnglish(code, options.values));
    this.field = options.field;
    this.values = options.values ?? {};
  }
}

export const notFound = () => new AnnotationError(404, "annotationMissing");
