import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { listPublicAnnotations } from "@/lib/data/open-data/list-public-annotations";
import { jsonError } from "@/lib/http";
import { CSV_CONTENT_TYPE, toCsv } from "@/lib/open-data/csv";
import { getSiteUrl } from "@/lib/site-url";

/** The most rows one CSV holds; a spreadsheet is the wrong tool past that, the JSON-LD pages are the right one. */
const CSV_MAX_ROWS = 10_000;

/** The article's public annotations as one CSV file. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = await findArticleForExport(slug);
  if (!article) return jsonError(404, "That article doesn't exist.");
  const { items } = await listPublicAnnotations(article.id, { skip: 0, take: CSV_MAX_ROWS });
  return new Response(toCsv(items, { siteUrl: (await getSiteUrl()).origin }), {
    headers: {
      "content-type": CSV_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${article.slug}-annotations.csv"`,
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=60",
    },
  });
}
