import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/open-data/import-form";
import { requireRole } from "@/lib/auth/viewer";
import { findArticleForExport } from "@/lib/data/open-data/find-article-for-export";
import { ClientMessages } from "@/components/i18n/client-messages";

export const metadata: Metadata = { title: "Import annotations", robots: { index: false } };

/** Admins import Hypothesis or W3C annotations into an article. */
export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireRole("ADMIN");
  const article = await findArticleForExport((await params).slug);
  if (!article) notFound();
  const t = await getTranslations("opendata");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href={`/articles/${article.slug}`} className="underline underline-offset-2">
          {t("import.back", { title: article.title })}
        </Link>
      </p>
      <h1 className="mt-3 font-serif text-3xl font-semibold tracking-tight">{t("import.title")}</h1>
      <p className="mt-3 leading-relaxed text-[var(--color-muted)]">{t("import.intro")}</p>
      <ClientMessages namespaces={["opendata"]}>
        <ImportForm slug={article.slug} />
      </ClientMessages>
    </div>
  );
}
