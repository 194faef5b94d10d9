import { z } from "zod";
import { cleanText } from "./clean-text";
import { normalizeSourceUrl } from "@/lib/sources/normalize-url";

export const BODY_MAX_LENGTH = 10_000;
export const MAX_TAGS = 10;
export const MAX_SOURCES = 10;
/** Longer than any real address (browsers and servers cap near here); every page, export and API answer carries it. */
export const SOURCE_URL_MAX_LENGTH = 2_048;

const body = cleanText()
  // A custom issue, so the message can say how long the note is, not just the limit.
  .superRefine((value, context) => {
    if (value.length > BODY_MAX_LENGTH) context.addIssue({ code: "custom", message: "annotation.bodyTooLong", params: { length: value.length, limit: BODY_MAX_LENGTH } });
  })
  .transform((value) => value.trim());

export const sourceSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "annotation.sourceUrlRequired")
    .max(SOURCE_URL_MAX_LENGTH, "annotation.sourceUrlTooLong")
    .transform((value, context) => {
      const normalized = normalizeSourceUrl(value);
      if (!normalized) {
        context.addIssue({ code: "custom", message: "annotation.sourceUrlInvalid" });
        return z.NEVER;
      }
      return normalized;
    }),
  title: cleanText().trim().max(200, "annotation.sourceTitleTooLong").optional().transform((value) => value || undefined),
  stance: z.enum(["SUPPORTS", "DISPUTES", "CONTEXT"], { error: "annotation.stanceRequired" }),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** An annotation's sources: the same address cited twice would count twice in the thread's evidence. */
export const sourcesSchema = z
  .array(sourceSchema)
  .max(MAX_SOURCES, "annotation.tooManySources")
  .superRefine((sources, context) => {
    const seen = new Set<string>();
    sources.forEach((source, index) => {
      if (seen.has(source.url)) context.addIssue({ code: "custom", message: "annotation.sourceDuplicate", path: [index, "url"] });
      seen.add(source.url);
    });
  });

const tags = z
  .array(cleanText().trim().toLowerCase().min(1).max(40, "annotation.tagTooLong").regex(/^[\p{L}\p{N}_-]+$/u, "annotation.tagChars"))
  .max(MAX_TAGS, "annotation.tooManyTags")
  .transform((values) => [...new Set(values)]);

export const selectorsSchema = z.object({
  exact: z.string().min(1, "annotation.selectText").max(5_000, "annotation.passageTooLong"),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  startBlockId: z.string().min(1).max(40),
});

/** A new highlight or annotation on a passage. A highlight has no body and is always private. */
export const createAnnotationSchema = z
  .object({
    versionId: z.string().min(1).max(40),
    selectors: selectorsSchema,
    body: body.optional().default(""),
    visibility: z.enum(["PUBLIC", "PRIVATE"]).default("PUBLIC"),
    tags: tags.default([]),
    sources: sourcesSchema.default([]),
    kind: z.enum(["highlight", "annotation"]).default("annotation"),
  })
  .superRefine((value, context) => {
    if (value.kind === "annotation" && value.body.length === 0) {
      context.addIssue({ code: "custom", path: ["body"], message: "annotation.bodyRequired" });
    }
    if (value.selectors.end <= value.selectors.start) context.addIssue({ code: "custom", path: ["selectors"], message: "annotation.selectText" });
  });
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const createReplySchema = z.object({
  parentId: z.string().min(1).max(40),
  body: body.pipe(z.string().min(1, "annotation.replyRequired")),
  sources: sourcesSchema.default([]),
});

export const editAnnotationSchema = z.object({
  id: z.string().min(1).max(40),
  body: body.pipe(z.string().min(1, "annotation.editEmpty")),
  tags: tags.optional(),
  sources: sourcesSchema.optional(),
});

export const annotationIdSchema = z.object({ id: z.string().min(1).max(40) });
