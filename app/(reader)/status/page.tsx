import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.status");
  return { title: t("title"), robots: { index: false } };
}

/**
 * A plain page that says the app is serving: rendered per request through
 * the same layout as every page, so it doubles as the benchmarks' baseline
 * for what a dynamic page costs before any article or annotation work.
 */
export default async function StatusPage() {
  await connection();
  const t = await getTranslations("reader.status");
  const now = new Date().toISOString();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-3 leading-relaxed">
        {t.rich("renderedAt", { time: () => <time dateTime={now}>{now}</time> })}
      </p>
    </div>
  );
}
