import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { ImportError, importAnnotations } from "@/lib/data/open-data/import-annotations";
import { jsonError, readBody } from "@/lib/http";
import { ImportFormatError } from "@/lib/open-data/parse-import";

/** About 20 MB of JSON: a very large Hypothesis export of one page, well past any real article's discussion. */
const MAX_IMPORT_CHARS = 20_000_000;

const importSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200),
  data: z.string().min(1, "Choose a file or paste the JSON to import.").max(MAX_IMPORT_CHARS, "That file is too large to import at once (20 MB at most)."),
});

/** Imports Hypothesis or W3C annotations into an article; admins only, everyone else gets the ordinary 404. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const viewer = await getViewer();
  if (viewer?.role !== "ADMIN") return jsonError(404, "Not found.");
  const parsed = importSchema.safeParse({ ...(await readBody(request)), slug: (await params).slug });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, issue?.message ?? "Check the import.", { [String(issue?.path[0] ?? "data")]: issue?.message ?? "" });
  }
  try {
    return Response.json(await importAnnotations(viewer, parsed.data));
  } catch (error) {
    if (error instanceof ImportFormatError) return jsonError(400, error.message, { data: error.message });
    if (error instanceof ImportError) return jsonError(error.status, error.message);
    console.error("annotation import failed", error);
    return jsonError(500, "The import failed on our side; nothing was imported. Try again.");
  }
}
