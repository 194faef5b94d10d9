import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { toggleHelpful } from "@/lib/data/annotations/toggle-helpful";
import { annotationIdSchema } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, annotationIdSchema, { id }, (actor, input) => toggleHelpful(actor, input.id));
});
