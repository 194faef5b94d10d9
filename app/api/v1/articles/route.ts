import { listArticles } from "@/lib/data/articles/list-articles";
import { readPreflight } from "@/lib/public-api/cors";
import { handleApiRequest } from "@/lib/public-api/handle-api-request";
import { siteOrigin } from "@/lib/public-api/site";

/** Every published article, newest first. Articles are public. */
export function GET(request: Request) {
  return handleApiRequest(request, "read", async () => {
    const site = await siteOrigin();
    const articles = await listArticles();
    return Response.json({
      items: articles.map((article) => ({ ...article, publishedAt: article.publishedAt.toISOString(), url: `${site}/articles/${article.slug}` })),
    });
  });
}

export const OPTIONS = readPreflight;
