import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { listApiAnnotations } from "@/lib/data/public-api/list-api-annotations";
import { toApiAnnotation } from "@/lib/data/public-api/to-api-annotation";
import { signCursor, verifyCursor } from "@/lib/open-data/cursor";
import { ApiError, parseInput } from "@/lib/public-api/api-error";
import { readPreflight } from "@/lib/public-api/cors";
import { createApiAnnotation } from "@/lib/public-api/create-api-annotation";
import { cursorSecret } from "@/lib/public-api/cursor-secret";
import { consumePostingLimit } from "@/lib/public-api/posting-limit";
import { handleApiRequest, privateReaderId } from "@/lib/public-api/handle-api-request";
import { siteOrigin } from "@/lib/public-api/site";
import { readBody } from "@/lib/http";
import { annotationListQuery, apiCreateAnnotationBody, slugParam } from "@/lib/validation/public-api";

interface Context {
  params: Promise<{ slug: string }>;
}

/** An article's annotations and replies, oldest first, filtered and paged by signed cursors. */
export function GET(request: Request, { params }: Context) {
  return handleApiRequest(request, "read", async (caller) => {
    const slug = parseInput(slugParam, (await params).slug);
    const query = parseInput(annotationListQuery, Object.fromEntries(new URL(request.url).searchParams));
    const article = await findArticleForExport(slug);
    if (!article) throw new ApiError(404, "That article doesn't exist.");
    const readerId = privateReaderId(caller);
    // A cursor only continues the listing it came from: same article, filters and reader.
    const scope = JSON.stringify([slug, query.author ?? "", query.tag ?? "", query.stance ?? "", query.since ?? "", readerId ?? ""]);
    const after = query.cursor ? verifyCursor(query.cursor, cursorSecret(), scope) : undefined;
    if (after === null) throw new ApiError(400, "The cursor is invalid or was altered. Start again without it.", { cursor: "Invalid cursor." });
    const { items, hasMore } = await listApiAnnotations(readerId, article.id, { ...query, after });
    const last = items.at(-1);
    const site = await siteOrigin();
    return Response.json({
      items: items.map((item) => toApiAnnotation(item, site)),
      nextCursor: hasMore && last ? signCursor({ createdAt: last.createdAt, id: last.id, scope }, cursorSecret()) : null,
    });
  });
}

/** Posts an annotation on a passage of the article's current version as the token's owner. */
export function POST(request: Request, { params }: Context) {
  return handleApiRequest(request, "write", async (caller) => {
    const slug = parseInput(slugParam, (await params).slug);
    const input = parseInput(apiCreateAnnotationBody, await readBody(request));
    await consumePostingLimit(caller.actor!);
    const created = await createApiAnnotation(caller.actor!, slug, input);
    return Response.json({ id: created.id, url: `${await siteOrigin()}/a/${created.id}` }, { status: 201 });
  });
}

export const OPTIONS = readPreflight;
