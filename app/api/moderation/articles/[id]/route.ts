import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { setPreModeration } from "@/lib/data/moderation/set-pre-moderation";
import { preModerationSchema } from "@/lib/validation/moderation";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Switches pre-moderation of an article's new annotations on or off. */
export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, preModerationSchema, { articleId: id }, (actor, input) => setPreModeration(actor, input), {
    rateLimit: null,
    moderatorsOnly: true,
  });
});
