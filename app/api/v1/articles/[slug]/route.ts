import { getArticleBySlug } from "@/lib/data/articles/get-article";
import { versionText } from "@/lib/data/articles/version-text";
import { ApiError, parseInput } from "@/lib/public-api/api-error";
import { readPreflight } from "@/lib/public-api/cors";
import { handleApiRequest } from "@/lib/public-api/handle-api-request";
import { siteOrigin } from "@/lib/public-api/site";
import { slugParam } from "@/lib/validation/public-api";

/** One article with the canonical text of its current version, which annotation offsets count in. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRequest(request, "read", async () => {
    const slug = parseInput(slugParam, (await params).slug);
    const article = await getArticleBySlug(slug);
    const canonical = article ? await versionText(article.version.id) : null;
    if (!article || !canonical) throw new ApiError(404, "That article doesn't exist.");
    const site = await siteOrigin();
    return Response.json({
      slug: article.slug,
      title: article.title,
      author: article.author,
      summary: article.summary,
      publishedAt: article.publishedAt.toISOString(),
      url: `${site}/articles/${article.slug}`,
      versionId: article.version.id,
      versionNumber: article.version.number,
      text: canonical.text,
      annotationsUrl: `${site}/api/v1/articles/${article.slug}/annotations`,
    });
  });
}

export const OPTIONS = readPreflight;
