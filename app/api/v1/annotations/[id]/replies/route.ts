import { createReply } from "@/lib/data/annotations/create-reply";
import { readBody } from "@/lib/http";
import { parseInput } from "@/lib/public-api/api-error";
import { handleApiRequest } from "@/lib/public-api/handle-api-request";
import { consumePostingLimit } from "@/lib/public-api/posting-limit";
import { siteOrigin } from "@/lib/public-api/site";
import { apiReplyBody, createReplySchema, idParam } from "@/lib/validation/public-api";

/** Replies to an annotation the caller can see, as the token's owner. No CORS: writes come from servers and scripts. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(request, "write", async (caller) => {
    const parentId = parseInput(idParam, (await params).id);
    const body = parseInput(apiReplyBody, await readBody(request));
    await consumePostingLimit(caller.actor!);
    const created = await createReply(caller.actor!, parseInput(createReplySchema, { ...body, parentId }));
    return Response.json({ id: created.id, url: `${await siteOrigin()}/a/${created.id}` }, { status: 201 });
  });
}
