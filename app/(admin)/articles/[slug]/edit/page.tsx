import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ArticleForm } from "@/components/articles/article-form";
import { saveArticleAction } from "@/lib/actions/articles/save-article";
import { blocksToMarkdown } from "@/lib/articles/article-markdown";
import { requireRole } from "@/lib/auth/viewer";
import { getArticleBySlug } from "@/lib/data/articles/get-article";
import { isoDate } from "@/lib/format-date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.article");
  return { title: t("editMetaTitle"), robots: { index: false } };
}

/** Editing publishes a new version; annotations are re-anchored against it on the server. */
export default async function EditArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireRole("ADMIN");
  const { slug } = await params;
  const article = /^[a-z0-9-]{1,80}$/.test(slug) ? await getArticleBySlug(slug) : null;
  if (!article) notFound();
  const t = await getTranslations("admin.article");
  const { lead, body } = blocksToMarkdown(article.version.blocks);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("editTitle", { title: article.title })}</h1>
      <p className="mt-2 leading-relaxed text-[var(--color-muted)]">
        {t("editIntro", { version: article.version.number + 1 })}
      </p>
      <div className="mt-6">
        <ArticleForm
          isNew={false}
          action={saveArticleAction.bind(null, "edit")}
          initial={{
            slug: article.slug,
            title: article.title,
            author: article.author,
            authorBio: article.authorBio ?? "",
            source: article.source ?? "",
            language: article.language,
            published: isoDate(article.publishedAt),
            lead,
            body,
            baseVersionId: article.version.id,
          }}
        />
      </div>
    </div>
  );
}
