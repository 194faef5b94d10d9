import { z } from "zod";
import { cleanText } from "./clean-text";
import { normalizeSourceUrl } from "@/lib/sources/normalize-url";

export const BODY_MAX_LENGTH = 10_000;
export const MAX_TAGS = 10;
export const MAX_SOURCES = 10;

const body = cleanText()
  .max(BODY_MAX_LENGTH, { error: (issue) => `Your note is ${String(issue.input).length.toLocaleString("en")} characters; the limit is ${BODY_MAX_LENGTH.toLocaleString("en")}.` })
  .transform((value) => value.trim());

export const sourceSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the source's address.")
    .transform((value, context) => {
      const normalized = normalizeSourceUrl(value);
      if (!normalized) {
        context.addIssue({ code: "custom", message: "A source must be a web address starting with http:// or https://." });
        return z.NEVER;
      }
      return normalized;
    }),
  title: cleanText().trim().max(200, "A source title can have at most 200 characters.").optional().transform((value) => value || undefined),
  stance: z.enum(["SUPPORTS", "DISPUTES", "CONTEXT"], { error: "Say whether the source supports, disputes or gives context." }),
});
export type SourceInput = z.infer<typeof sourceSchema>;

const tags = z
  .array(cleanText().trim().toLowerCase().min(1).max(40, "A tag can have at most 40 characters.").regex(/^[\p{L}\p{N}_-]+$/u, "Tags use letters, digits, - and _."))
  .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
  .transform((values) => [...new Set(values)]);

export const selectorsSchema = z.object({
  exact: z.string().min(1, "Select some text first.").max(5_000, "Select a shorter passage (at most 5,000 characters)."),
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
    sources: z.array(sourceSchema).max(MAX_SOURCES, `Cite at most ${MAX_SOURCES} sources.`).default([]),
    kind: z.enum(["highlight", "annotation"]).default("annotation"),
  })
  .superRefine((value, context) => {
    if (value.kind === "annotation" && value.body.length === 0) {
      context.addIssue({ code: "custom", path: ["body"], message: "Write something in your annotation, or use Highlight instead." });
    }
    if (value.selectors.end <= value.selectors.start) context.addIssue({ code: "custom", path: ["selectors"], message: "Select some text first." });
  });
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const createReplySchema = z.object({
  parentId: z.string().min(1).max(40),
  body: body.pipe(z.string().min(1, "Write a reply first.")),
  sources: z.array(sourceSchema).max(MAX_SOURCES, `Cite at most ${MAX_SOURCES} sources.`).default([]),
});

export const editAnnotationSchema = z.object({
  id: z.string().min(1).max(40),
  body: body.pipe(z.string().min(1, "An annotation can't be empty. Delete it instead.")),
  tags: tags.optional(),
  sources: z.array(sourceSchema).max(MAX_SOURCES, `Cite at most ${MAX_SOURCES} sources.`).optional(),
});

export const annotationIdSchema = z.object({ id: z.string().min(1).max(40) });
