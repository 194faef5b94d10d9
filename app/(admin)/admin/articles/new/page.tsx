import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/articles/article-form";
import { saveArticleAction } from "@/lib/actions/articles/save-article";
import { requireRole } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.article");
  return { title: t("newTitle"), robots: { index: false } };
}

export default async function NewArticlePage() {
  await requireRole("ADMIN");
  const t = await getTranslations("admin.article");
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <div className="mt-6">
        <ArticleForm
          isNew
          action={saveArticleAction.bind(null, "create")}
          initial={{ slug: "", title: "", author: "", authorBio: "", source: "", language: "en", published: today, lead: "", body: "", baseVersionId: "" }}
        />
      </div>
    </div>
  );
}
