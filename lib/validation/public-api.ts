import { z } from "zod";
import { createAnnotationSchema, createReplySchema, editAnnotationSchema, selectorsSchema, sourcesSchema } from "./annotations";

/**
 * The public API's inputs and outputs. The write bodies reuse the web app's
 * schemas, so the API accepts exactly what the composer accepts; the output
 * schemas exist to document the responses in /api/openapi.json.
 */

export const slugParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not an article slug.").max(200).meta({ description: "The article's slug.", example: "china-shared-future-cyberspace" });
export const idParam = z.string().regex(/^[a-z0-9]{1,40}$/, "Not an annotation id.").meta({ description: "An annotation id." });

export const annotationListQuery = z.object({
  author: z.string().regex(/^[a-z0-9_]{1,30}$/, "An author handle has lowercase letters, digits and underscores.").optional().meta({ description: "Only annotations by this handle." }),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional().meta({ description: "Only annotations with this tag." }),
  stance: z.enum(["SUPPORTS", "DISPUTES", "CONTEXT"]).optional().meta({ description: "Only annotations citing a source with this stance." }),
  since: z.iso.datetime({ offset: true, error: "since must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z." }).optional().meta({ description: "Only annotations created at or after this time." }),
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Items per page, 1 to 100." }),
  cursor: z.string().max(1000).optional().meta({ description: "The nextCursor of the previous page. Opaque and signed: an altered cursor is refused with 400." }),
});
export type AnnotationListQuery = z.infer<typeof annotationListQuery>;

/** A new annotation: the passage by its code-point offsets in the article's `text` and the words found there. */
export const apiCreateAnnotationBody = z
  .object({
    selector: selectorsSchema.pick({ exact: true, start: true, end: true }).meta({
      description: "TextPositionSelector offsets in Unicode code points of the current version's text (GET /api/v1/articles/{slug}), and the exact words there.",
    }),
    body: z.string().max(10_000).default(""),
    visibility: z.enum(["PUBLIC", "PRIVATE"]).default("PUBLIC"),
    tags: z.array(z.string()).max(10).default([]),
    sources: sourcesSchema.default([]),
    kind: z.enum(["highlight", "annotation"]).default("annotation"),
  })
  ;

export const apiReplyBody = createReplySchema.omit({ parentId: true });
export const apiEditBody = editAnnotationSchema.omit({ id: true });

/** The web app's own schemas, re-run on what the API builds, so both paths validate alike. */
export { createAnnotationSchema, createReplySchema, editAnnotationSchema };

const sourceOut = z.object({ url: z.url(), title: z.string().nullable(), stance: z.enum(["SUPPORTS", "DISPUTES", "CONTEXT"]) });

export const apiAnnotation = z
  .object({
    id: z.string(),
    url: z.url().meta({ description: "The annotation's permalink." }),
    article: z.string().meta({ description: "The article's slug." }),
    parentId: z.string().nullable(),
    rootId: z.string().nullable(),
    author: z.object({ handle: z.string(), name: z.string() }).nullable(),
    visibility: z.enum(["PUBLIC", "PRIVATE"]),
    motivation: z.enum(["highlighting", "commenting", "replying"]),
    body: z.string().nullable().meta({ description: "Markdown as written." }),
    tags: z.array(z.string()),
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }).nullable(),
    position: z.object({ start: z.int(), end: z.int() }).nullable(),
    sources: z.array(sourceOut),
    createdAt: z.iso.datetime(),
    modifiedAt: z.iso.datetime(),
  })
  ;

export const apiAnnotationPage = z.object({ items: z.array(apiAnnotation), nextCursor: z.string().nullable() });

export const apiArticleSummary = z
  .object({ slug: z.string(), title: z.string(), author: z.string(), summary: z.string(), publishedAt: z.iso.datetime(), url: z.url() })
  ;

export const apiArticle = apiArticleSummary
  .extend({
    versionId: z.string(),
    versionNumber: z.int(),
    text: z.string().meta({ description: "The canonical plain text annotations anchor to; offsets are Unicode code points." }),
    annotationsUrl: z.url(),
  })
  ;

export const apiArticleList = z.object({ items: z.array(apiArticleSummary) });

export const apiError = z
  .object({ error: z.string(), fieldErrors: z.record(z.string(), z.string()) })
  .meta({ description: "A message safe to show, and per-field messages where they apply." });

export const apiCreated = z.object({ id: z.string(), url: z.url() });
