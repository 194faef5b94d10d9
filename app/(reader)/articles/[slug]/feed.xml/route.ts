import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { listFeedAnnotations } from "@/lib/data/open-data/list-feed-annotations";
import { jsonError } from "@/lib/http";
import { toAtomFeed } from "@/lib/open-data/atom-feed";
import { getSiteUrl } from "@/lib/site-url";

/** The Atom feed of an article's newest public annotations and replies. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = await findArticleForExport(slug);
  if (!article) return jsonError(404, "That article doesn't exist.");
  const site = (await getSiteUrl()).origin;
  const items = await listFeedAnnotations(article.id);
  return new Response(toAtomFeed(article, items, { siteUrl: site, articleUrl: `${site}/articles/${article.slug}` }), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "public, max-age=60" },
  });
}
