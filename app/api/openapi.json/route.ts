import { buildOpenApiDocument } from "@/lib/public-api/openapi";
import { READ_CORS_HEADERS } from "@/lib/public-api/cors";
import { siteOrigin } from "@/lib/public-api/site";

/** The OpenAPI 3.1 document of the public API. */
export async function GET() {
  return Response.json(buildOpenApiDocument(await siteOrigin()), { headers: { ...READ_CORS_HEADERS, "cache-control": "public, max-age=300" } });
}
