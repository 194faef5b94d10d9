import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { flagAnnotation } from "@/lib/data/moderation/flag-annotation";
import { flagSchema } from "@/lib/validation/moderation";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Flags an annotation for moderators, with a reason. Once per person. */
export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, flagSchema, { annotationId: id }, (actor, input) => flagAnnotation(actor, input), { rateLimit: "flag" });
});
