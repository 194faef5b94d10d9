import { deleteAnnotation } from "@/lib/data/annotations/delete-annotation";
import { editAnnotation } from "@/lib/data/annotations/edit-annotation";
import { respondToAnnotationRequest } from "@/lib/data/annotations/respond";
import { annotationIdSchema, editAnnotationSchema } from "@/lib/validation/annotations";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withDatabaseGuard(async function PATCH(request: Request, { params }: Context) {
  const { id } = await params;
  return respondToAnnotationRequest(request, editAnnotationSchema, { id }, async (actor, input) => {
    await editAnnotation(actor, input);
    return { ok: true };
  });
});

export const DELETE = withDatabaseGuard(async function DELETE(request: Request, { params }: Context) {
  const { id } = await params;
  return respondToAnnotationRequest(request, annotationIdSchema, { id }, async (actor, input) => {
    await deleteAnnotation(actor, input.id);
    return { ok: true };
  }, {
    isWrite: false,
  });
});
