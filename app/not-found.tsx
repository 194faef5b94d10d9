import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-[var(--color-muted)]">{t("notFoundEyebrow")}</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-lg leading-relaxed">{t("notFoundBody")}</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-[var(--color-accent-strong)] underline underline-offset-4">
          {t("backToArticles")}
        </Link>
      </p>
    </div>
  );
}
