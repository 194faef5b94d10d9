import type { AnnotationView } from "@/lib/data/annotations/list-article-annotations";

/** What the actions under an annotation need of it. */
export type ActionableAnnotation = Pick<AnnotationView, "id" | "parentId" | "body" | "can" | "helpfulCount" | "isDeleted" | "isHelpfulToViewer" | "isPrivate">;

/** The longest quote the share menu uses (its title; the email subject takes less). */
const SHARED_QUOTE_LENGTH = 80;

/**
 * The props of AnnotationActions, a client component: only what it uses, since
 * props travel to the browser for every annotation on the page (the whole view
 * would send each body twice, as Markdown and as HTML).
 */
export function actionProps(item: AnnotationView, quote: string): { item: ActionableAnnotation; quote: string } {
  const { id, parentId, body, can, helpfulCount, isDeleted, isHelpfulToViewer, isPrivate } = item;
  return { item: { id, parentId, body, can, helpfulCount, isDeleted, isHelpfulToViewer, isPrivate }, quote: quote.slice(0, SHARED_QUOTE_LENGTH) };
}
