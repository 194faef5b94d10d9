import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { moderateAnnotation } from "@/lib/data/moderation/moderate-annotation";
import { annotationModerationSchema } from "@/lib/validation/moderation";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Approve, hide, restore, lock, unlock or (admins) delete an annotation. */
export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, annotationModerationSchema, { annotationId: id }, (actor, input) => moderateAnnotation(actor, input), {
    rateLimit: null,
    moderatorsOnly: true,
  });
});
