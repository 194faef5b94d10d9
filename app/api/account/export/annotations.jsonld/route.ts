import { getViewer } from "@/lib/auth/viewer";
import { listOwnAnnotations } from "@/lib/data/open-data/list-own-annotations";
import { jsonError } from "@/lib/http";
import { JSON_LD_CONTENT_TYPE, toSinglePageCollection } from "@/lib/open-data/web-annotation";
import { getSiteUrl } from "@/lib/site-url";

/** The signed-in user's own annotations, private ones included, as W3C Web Annotations. */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Sign in to download your annotations.");
  const site = (await getSiteUrl()).origin;
  const items = await listOwnAnnotations(viewer.id);
  const collection = toSinglePageCollection(items, { collectionId: `${site}/api/account/export/annotations.jsonld`, label: `Annotations by @${viewer.handle}` }, site);
  return new Response(JSON.stringify(collection, null, 2), {
    headers: {
      "content-type": JSON_LD_CONTENT_TYPE,
      "content-disposition": `attachment; filename="gloss-${viewer.handle}-annotations.jsonld"`,
      "cache-control": "no-store",
    },
  });
}
