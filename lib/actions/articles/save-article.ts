"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { articleFromForm } from "@/lib/articles/article-markdown";
import { getViewer } from "@/lib/auth/viewer";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { getDb } from "@/lib/db";
import { articleFormSchema } from "@/lib/validation/articles";
import { fieldErrors } from "@/lib/validation/auth";
import { formValues, type ActionState } from "../action-state";

const FIELDS = ["slug", "title", "author", "authorBio", "source", "language", "published", "lead", "body"] as const;

/**
 * Adds an article, or publishes a new version of one (`mode`). Admins only.
 * A new version re-anchors every annotation; the ones that cannot be found
 * become orphans that keep their original quote.
 */
export async function saveArticleAction(mode: "create" | "edit", _previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FIELDS);
  const parsed = articleFormSchema.safeParse(values);
  if (!parsed.success) return { status: "error", message: (await getTranslations("apiErrors"))("correctFields"), fieldErrors: fieldErrors(parsed.error, await issueTranslator()), values };
  const viewer = await getViewer();
  const t = await getTranslations("admin.article.errors");
  if (!viewer || viewer.role !== "ADMIN") return { status: "error", message: t("onlyAdmins"), values };

  const existing = await getDb().article.findUnique({ where: { slug: parsed.data.slug }, select: { id: true } });
  if (mode === "create" && existing) return { status: "error", fieldErrors: { slug: t("slugTaken") }, values };
  if (mode === "edit" && !existing) return { status: "error", message: t("articleGone"), values };

  const content = articleFromForm(parsed.data);
  if (content.blocks.length === 0) return { status: "error", fieldErrors: { body: t("bodyRequired") }, values };
  const result = await saveArticleContent(getDb(), content);
  redirect(`/articles/${content.slug}${result === "unchanged" ? "" : `?published=${result}`}`);
}
