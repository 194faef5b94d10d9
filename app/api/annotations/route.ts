import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Creates a highlight or an annotation on the passage the selectors quote. */
export const POST = withDatabaseGuard(function POST(request: Request) {
  return respondToAnnotationRequest(request, createAnnotationSchema, {}, (actor, input) => createAnnotation(actor, input));
});
