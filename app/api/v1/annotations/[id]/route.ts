import { deleteAnnotation } from "@/lib/data/annotations/delete-annotation";
import { editAnnotation } from "@/lib/data/annotations/edit-annotation";
import { getApiAnnotation } from "@/lib/data/public-api/get-api-annotation";
import { toApiAnnotation } from "@/lib/data/public-api/to-api-annotation";
import { readBody } from "@/lib/http";
import { ApiError, parseInput } from "@/lib/public-api/api-error";
import { readPreflight } from "@/lib/public-api/cors";
import { handleApiRequest, privateReaderId } from "@/lib/public-api/handle-api-request";
import { siteOrigin } from "@/lib/public-api/site";
import { apiEditBody, editAnnotationSchema, idParam } from "@/lib/validation/public-api";

interface Context {
  params: Promise<{ id: string }>;
}

/** One annotation: public, or the caller's own with read:private. Anything else is 404. */
export function GET(request: Request, { params }: Context) {
  return handleApiRequest(request, "read", async (caller) => {
    const id = parseInput(idParam, (await params).id);
    const annotation = await getApiAnnotation(privateReaderId(caller), id);
    if (!annotation) throw new ApiError(404, "That annotation doesn't exist, or you can't see it.");
    return Response.json(toApiAnnotation(annotation, await siteOrigin()));
  });
}

/** Edits the caller's own annotation or reply, keeping the previous text as a revision, as the page does. */
export function PATCH(request: Request, { params }: Context) {
  return handleApiRequest(request, "write", async (caller) => {
    const id = parseInput(idParam, (await params).id);
    const body = parseInput(apiEditBody, await readBody(request));
    await editAnnotation(caller.actor!, parseInput(editAnnotationSchema, { ...body, id }));
    const annotation = await getApiAnnotation(caller.actor!.id, id);
    if (!annotation) throw new ApiError(404, "That annotation doesn't exist, or you can't see it.");
    return Response.json(toApiAnnotation(annotation, await siteOrigin()));
  });
}

/** Deletes the caller's own annotation: its text goes, and replies below it keep their place. */
export function DELETE(request: Request, { params }: Context) {
  return handleApiRequest(request, "write", async (caller) => {
    const id = parseInput(idParam, (await params).id);
    await deleteAnnotation(caller.actor!, id);
    return new Response(null, { status: 204 });
  });
}

export const OPTIONS = readPreflight;
