import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { moderateUser } from "@/lib/data/moderation/moderate-user";
import { userModerationSchema } from "@/lib/validation/moderation";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Suspend, lift a suspension, or mark or clear an account as a spammer. */
export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, userModerationSchema, { userId: id }, (actor, input) => moderateUser(actor, input), {
    rateLimit: null,
    moderatorsOnly: true,
  });
});
