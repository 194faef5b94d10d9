import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { listPublicAnnotations } from "@/lib/data/open-data/list-public-annotations";
import { jsonError } from "@/lib/http";
import { EXPORT_PAGE_SIZE, JSON_LD_CONTENT_TYPE, standalonePage, toAnnotationCollection } from "@/lib/open-data/web-annotation";
import { getSiteUrl } from "@/lib/site-url";

interface Context {
  params: Promise<{ slug: string }>;
}

/**
 * The article's public annotations as a W3C AnnotationCollection; `?page=N`
 * gives one AnnotationPage. Public data, so anyone may fetch it from anywhere.
 */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const article = await findArticleForExport(slug);
  if (!article) return jsonError(404, "That article doesn't exist.");
  const rawPage = new URL(request.url).searchParams.get("page");
  if (rawPage !== null && !/^(0|[1-9][0-9]{0,5})$/.test(rawPage)) return jsonError(400, "page must be a whole number from 0.", { page: "Use a whole number from 0." });
  const page = rawPage === null ? 0 : Number(rawPage);
  const site = (await getSiteUrl()).origin;
  const context = { siteUrl: site, articleUrl: `${site}/articles/${article.slug}` };
  const { total, items } = await listPublicAnnotations(article.id, { skip: page * EXPORT_PAGE_SIZE, take: EXPORT_PAGE_SIZE });
  const collection = { collectionId: `${site}/articles/${article.slug}/annotations.jsonld`, label: `Annotations on “${article.title}”`, total };
  const document = rawPage === null ? toAnnotationCollection(items, collection, context) : standalonePage(items, { ...collection, page }, context);
  return new Response(JSON.stringify(document, null, 2), {
    headers: { "content-type": JSON_LD_CONTENT_TYPE, "access-control-allow-origin": "*", "cache-control": "public, max-age=60" },
  });
}
