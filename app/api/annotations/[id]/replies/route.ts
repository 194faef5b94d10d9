import { createReply } from "@/lib/data/annotations/create-reply";
import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { createReplySchema } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Replies to an annotation. Honours Idempotency-Key. */
export const POST = withDatabaseGuard(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respondToAnnotationRequest(request, createReplySchema, { parentId: id }, (actor, input, claim) => createReply(actor, input, claim), { idempotent: true });
});
