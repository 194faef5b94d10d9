import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { listArticles } from "@/lib/data/articles/list-articles";
import { isoDate, PUBLISHED_DATE } from "@/lib/format-date";

export default async function HomePage() {
  await connection();
  const [articles, t, format] = await Promise.all([listArticles(), getTranslations("reader.home"), getFormatter()]);
  return (
    <div className="mx-auto max-w-[68ch] px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
        {t("intro")}
      </p>
      <h2 className="mt-10 text-sm font-semibold uppercase tracking-wider text-[var(--color-muted)]">{t("articles")}</h2>
      {articles.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-[var(--color-rule)] border-y border-[var(--color-rule)]">
          {articles.map((article) => (
            <li key={article.slug} className="py-5">
              <article>
                <h3 className="font-serif text-2xl font-semibold leading-snug">
                  <Link href={`/articles/${article.slug}`} className="underline-offset-4 hover:underline">
                    {article.title}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-[var(--color-muted)]">
                  {article.author} · <time dateTime={isoDate(article.publishedAt)}>{format.dateTime(article.publishedAt, PUBLISHED_DATE)}</time>
                </p>
                <p className="mt-2 leading-relaxed">{article.summary}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
