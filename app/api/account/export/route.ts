import { getViewer } from "@/lib/auth/viewer";
import { exportAccountData } from "@/lib/data/users/export-account";
import { jsonError } from "@/lib/http";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

/** Downloads the signed-in user's data as JSON. */
export const GET = withDatabaseGuard(async function GET() {
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Sign in to download your data.");
  const data = await exportAccountData(viewer.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="gloss-${viewer.handle}.json"`,
      "cache-control": "no-store",
    },
  });
});
