import type { ExportContext, OpenAnnotation } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const JSON_LD_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;
/** Annotations per AnnotationPage: small enough to stream, large enough that most articles fit in one. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * The W3C context plus a prefix for the one thing the model has no term for:
 * a source's stance. Consumers that do not know it still read a valid annotation.
 */
export function exportContext(siteUrl: string): [string, { gloss: string }] {
  return [ANNO_CONTEXT, { gloss: `${siteUrl}/ns#` }];
}

/** The IRI of an annotation: its permalink, which any reader can open. */
export function annotationIri(siteUrl: string, id: string): string {
  return `${siteUrl}/a/${id}`;
}

type Body =
  | { type: "TextualBody"; value: string; format: "text/markdown"; purpose: "commenting" | "replying" }
  | { type: "TextualBody"; value: string; purpose: "tagging" }
  | { type: "SpecificResource"; source: string; purpose: "linking"; "gloss:stance": string; "gloss:title"?: string };

export interface WebAnnotation {
  "@context"?: ReturnType<typeof exportContext>;
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting" | "replying";
  created: string;
  modified: string;
  creator?: { type: "Person"; name: string; nickname: string };
  body?: Body[];
  target:
    | string
    | {
        source: string;
        selector?: Array<{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string } | { type: "TextPositionSelector"; start: number; end: number }>;
      };
}

function motivationOf(annotation: OpenAnnotation): WebAnnotation["motivation"] {
  if (annotation.parentId) return "replying";
  return annotation.body === null ? "highlighting" : "commenting";
}

/**
 * One annotation in the W3C Web Annotation model. A highlight has no body; a
 * reply targets its parent's IRI; tags and sources are further bodies with
 * the purposes `tagging` and `linking`.
 */
export function toWebAnnotation(annotation: OpenAnnotation, context: ExportContext): WebAnnotation {
  const motivation = motivationOf(annotation);
  const body: Body[] = [];
  if (annotation.body !== null) {
    body.push({ type: "TextualBody", value: annotation.body, format: "text/markdown", purpose: motivation === "replying" ? "replying" : "commenting" });
  }
  for (const tag of annotation.tags) body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  for (const source of annotation.sources) {
    body.push({
      type: "SpecificResource",
      source: source.url,
      purpose: "linking",
      "gloss:stance": source.stance.toLowerCase(),
      ...(source.title ? { "gloss:title": source.title } : {}),
    });
  }
  // A reply targets its parent; a thread's first annotation targets the article, with the quote and, where the
  // passage still is in the current text, its position (an orphan keeps only the quote of what it was).
  const selector: NonNullable<Exclude<WebAnnotation["target"], string>["selector"]> = [
    ...(annotation.quote ? [{ type: "TextQuoteSelector" as const, ...annotation.quote }] : []),
    ...(annotation.position ? [{ type: "TextPositionSelector" as const, start: annotation.position.start, end: annotation.position.end }] : []),
  ];
  const target: WebAnnotation["target"] = annotation.parentId
    ? annotationIri(context.siteUrl, annotation.parentId)
    : { source: context.articleUrl, ...(selector.length > 0 ? { selector } : {}) };
  return {
    id: annotationIri(context.siteUrl, annotation.id),
    type: "Annotation",
    motivation,
    created: annotation.createdAt.toISOString(),
    modified: annotation.modifiedAt.toISOString(),
    ...(annotation.author ? { creator: { type: "Person" as const, name: annotation.author.name, nickname: annotation.author.handle } } : {}),
    ...(body.length > 0 ? { body } : {}),
    target,
  };
}

export interface PageRequest {
  /** The collection's IRI; pages are `?page=N` on it. */
  collectionId: string;
  label: string;
  total: number;
  page: number;
  pageSize?: number;
}

function pageIri(collectionId: string, page: number): string {
  return `${collectionId}?page=${page}`;
}

function lastPage(total: number, pageSize: number): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}

/** A page's own fields and links to its neighbours; embedded in its collection it needs nothing more. */
function pageBody(items: OpenAnnotation[], request: PageRequest, context: ExportContext) {
  const pageSize = request.pageSize ?? EXPORT_PAGE_SIZE;
  const last = lastPage(request.total, pageSize);
  return {
    id: pageIri(request.collectionId, request.page),
    type: "AnnotationPage" as const,
    startIndex: request.page * pageSize,
    ...(request.page > 0 ? { prev: pageIri(request.collectionId, request.page - 1) } : {}),
    ...(request.page < last ? { next: pageIri(request.collectionId, request.page + 1) } : {}),
    items: items.map((item) => toWebAnnotation(item, context)),
  };
}

/** One AnnotationPage on its own, saying which collection it is part of. */
export function toAnnotationPage(items: OpenAnnotation[], request: PageRequest, context: ExportContext) {
  const { items: annotations, ...fields } = pageBody(items, request, context);
  return {
    ...fields,
    partOf: { id: request.collectionId, type: "AnnotationCollection" as const, label: request.label, total: request.total },
    items: annotations,
  };
}

/** The collection document, with its first page embedded so small articles need one request. */
export function toAnnotationCollection(firstPageItems: OpenAnnotation[], request: Omit<PageRequest, "page">, context: ExportContext) {
  const pageSize = request.pageSize ?? EXPORT_PAGE_SIZE;
  const first = pageBody(firstPageItems, { ...request, page: 0 }, context);
  return {
    "@context": exportContext(context.siteUrl),
    id: request.collectionId,
    type: "AnnotationCollection" as const,
    label: request.label,
    total: request.total,
    first,
    last: pageIri(request.collectionId, lastPage(request.total, pageSize)),
  };
}

/** A page requested on its own carries the context itself. */
export function standalonePage(items: OpenAnnotation[], request: PageRequest, context: ExportContext) {
  return { "@context": exportContext(context.siteUrl), ...toAnnotationPage(items, request, context) };
}

/** Annotations from several articles in one single-page collection (a person's own export). */
export function toSinglePageCollection(items: readonly OpenAnnotation[], request: { collectionId: string; label: string }, siteUrl: string) {
  return {
    "@context": exportContext(siteUrl),
    id: request.collectionId,
    type: "AnnotationCollection" as const,
    label: request.label,
    total: items.length,
    first: {
      id: `${request.collectionId}?page=0`,
      type: "AnnotationPage" as const,
      startIndex: 0,
      items: items.map((item) => toWebAnnotation(item, { siteUrl, articleUrl: `${siteUrl}/articles/${item.articleSlug}` })),
    },
    last: `${request.collectionId}?page=0`,
  };
}
