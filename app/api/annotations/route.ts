import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Creates a highlight or an annotation on the passage the selectors quote. Honours Idempotency-Key. */
export const POST = withDatabaseGuard(function POST(request: Request) {
  return respondToAnnotationRequest(request, createAnnotationSchema, {}, (actor, input, claim) => createAnnotation(actor, input, claim), { idempotent: true });
});
