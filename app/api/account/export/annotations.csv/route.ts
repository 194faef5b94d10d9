import { getViewer } from "@/lib/auth/viewer";
import { listOwnAnnotations } from "@/lib/data/open-data/list-own-annotations";
import { jsonError } from "@/lib/http";
import { CSV_CONTENT_TYPE, toCsv } from "@/lib/open-data/csv";
import { getSiteUrl } from "@/lib/site-url";

/** The signed-in user's own annotations, private ones included, as CSV. */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Sign in to download your annotations.");
  const items = await listOwnAnnotations(viewer.id);
  return new Response(toCsv(items, { siteUrl: (await getSiteUrl()).origin }), {
    headers: {
      "content-type": CSV_CONTENT_TYPE,
      "content-disposition": `attachment; filename="gloss-${viewer.handle}-annotations.csv"`,
      "cache-control": "no-store",
    },
  });
}
