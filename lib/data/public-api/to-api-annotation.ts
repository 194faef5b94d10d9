import type { OpenAnnotation } from "@/lib/open-data/types";
import { annotationIri } from "@/lib/open-data/web-annotation";

/** An annotation as the public API shows it (documented by `apiAnnotation`). */
export function toApiAnnotation(annotation: OpenAnnotation, siteUrl: string) {
  return {
    id: annotation.id,
    url: annotationIri(siteUrl, annotation.id),
    article: annotation.articleSlug,
    parentId: annotation.parentId,
    rootId: annotation.rootId,
    author: annotation.author,
    visibility: annotation.visibility,
    motivation: annotation.parentId ? "replying" : annotation.body === null ? "highlighting" : "commenting",
    body: annotation.body,
    tags: annotation.tags,
    quote: annotation.quote,
    position: annotation.position,
    sources: annotation.sources,
    createdAt: annotation.createdAt.toISOString(),
    modifiedAt: annotation.modifiedAt.toISOString(),
  };
}
