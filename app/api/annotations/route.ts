import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { createAnnotationSchema } from "@/lib/validation/annotations";

/** Creates a highlight or an annotation on the passage the selectors quote. */
export function POST(request: Request) {
  return respondToAnnotationRequest(request, createAnnotationSchema, {}, (actor, input) => createAnnotation(actor, input));
}
