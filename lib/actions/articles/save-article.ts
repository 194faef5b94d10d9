"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { articleFromForm } from "@/lib/articles/article-markdown";
import { getViewer } from "@/lib/auth/viewer";
import { ArticleGoneError, ArticleVersionConflictError, SlugTakenError } from "@/lib/data/articles/article-save-errors";
import { saveArticleContent, type SaveResult } from "@/lib/data/articles/save-article-content";
import { getDb } from "@/lib/db";
import { articleFormSchema } from "@/lib/validation/articles";
import { fieldErrors } from "@/lib/validation/auth";
import { formValues, type ActionState } from "../action-state";

const FIELDS = ["slug", "title", "author", "authorBio", "source", "language", "published", "lead", "body", "baseVersionId"] as const;

/** A version id as the edit page wrote it into the form. */
const VERSION_ID = /^[a-z0-9]{20,40}$/;

/**
 * Adds an article, or publishes a new version of one (`mode`). Admins only.
 * A new version re-anchors every annotation; the ones that cannot be found
 * become orphans that keep their original quote. An edit names the version it
 * started from, and is refused when another was published since; whatever
 * goes wrong, the admin gets their typed text back.
 */
export async function saveArticleAction(mode: "create" | "edit", _previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FIELDS);
  const baseVersionId = values.baseVersionId ?? "";
  const parsed = articleFormSchema.safeParse(values);
  if (!parsed.success) return { status: "error", message: (await getTranslations("apiErrors"))("correctFields"), fieldErrors: fieldErrors(parsed.error, await issueTranslator()), values };
  const viewer = await getViewer();
  const t = await getTranslations("admin.article.errors");
  if (!viewer || viewer.role !== "ADMIN") return { status: "error", message: t("onlyAdmins"), values };
  if (mode === "edit" && !VERSION_ID.test(baseVersionId)) return { status: "error", message: t("staleForm"), values };

  const content = articleFromForm(parsed.data);
  if (content.blocks.length === 0) return { status: "error", fieldErrors: { body: t("bodyRequired") }, values };
  let result: SaveResult;
  try {
    result = await saveArticleContent(getDb(), content, {
      actor: { id: viewer.id, handle: viewer.handle },
      intent: mode === "create" ? { mode } : { mode, baseVersionId },
    });
  } catch (error) {
    if (error instanceof SlugTakenError) return { status: "error", fieldErrors: { slug: t("slugTaken") }, values };
    if (error instanceof ArticleGoneError) return { status: "error", message: t("articleGone"), values };
    // The form now starts from the version that is current: publishing again, once the admin has compared, replaces it knowingly.
    if (error instanceof ArticleVersionConflictError) {
      // The page around the form names the version that saving will publish: show it as it is now.
      revalidatePath(`/articles/${content.slug}/edit`);
      return { status: "error", message: t("versionConflict", { version: error.current.number }), values: { ...values, baseVersionId: error.current.id } };
    }
    console.error("saving article failed", { slug: content.slug, mode }, error);
    return { status: "error", message: t("saveFailed"), values };
  }
  redirect(`/articles/${content.slug}${result === "unchanged" ? "" : `?published=${result}`}`);
}
