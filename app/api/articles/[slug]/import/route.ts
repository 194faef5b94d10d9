import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { ImportError, importAnnotations } from "@/lib/data/open-data/import-annotations";
import { jsonError, readBody } from "@/lib/http";
import { ImportFormatError } from "@/lib/open-data/parse-import";
import { BODY_MAX_LENGTH } from "@/lib/validation/annotations";
import { getSiteUrl } from "@/lib/site-url";
import { issueTranslator } from "@/lib/validation/localize";

/** About 20 MB of JSON: a very large Hypothesis export of one page, well past any real article's discussion. */
const MAX_IMPORT_CHARS = 20_000_000;

const importSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200),
  data: z.string().min(1, "import.empty").max(MAX_IMPORT_CHARS, "import.tooLarge"),
});

/** Imports Hypothesis or W3C annotations into an article; admins only, everyone else gets the ordinary 404. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const viewer = await getViewer();
  const [t, notFound] = await Promise.all([getTranslations("opendata.importErrors"), getTranslations("apiErrors")]);
  if (viewer?.role !== "ADMIN") return jsonError(404, notFound("notFound"));
  const parsed = importSchema.safeParse({ ...(await readBody(request)), slug: (await params).slug });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = (await issueTranslator())(issue);
    return jsonError(400, message, { [String(issue.path[0] ?? "data")]: message });
  }
  try {
    const report = await importAnnotations(viewer, { ...parsed.data, siteUrl: (await getSiteUrl()).origin });
    // Skip reasons are codes in the data layer; the admin reads them in their language.
    return Response.json({ ...report, skipped: report.skipped.map((skip) => ({ ...skip, reason: t(skip.reason, { max: BODY_MAX_LENGTH }) })) });
  } catch (error) {
    if (error instanceof ImportFormatError) {
      const message = t(error.code, error.values);
      return jsonError(400, message, { data: message });
    }
    if (error instanceof ImportError) return jsonError(error.status, error.code === "notFound" ? notFound("notFound") : t(error.code));
    console.error("annotation import failed", error);
    return jsonError(500, t("failed"));
  }
}
