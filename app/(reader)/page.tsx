import Link from "next/link";
import { connection } from "next/server";
import { listArticles } from "@/lib/data/articles/list-articles";
import { formatPublishedDate, isoDate } from "@/lib/format-date";

export default async function HomePage() {
  await connection();
  const articles = await listArticles();
  return (
    <div className="mx-auto max-w-[68ch] px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">Read closely, together</h1>
      <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
        Highlight a passage, discuss it in a thread and cite the sources that support or dispute it.
      </p>
      <h2 className="mt-10 text-sm font-semibold uppercase tracking-wider text-[var(--color-muted)]">Articles</h2>
      {articles.length === 0 ? (
        <p className="mt-4">No articles yet.</p>
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
                  {article.author} · <time dateTime={isoDate(article.publishedAt)}>{formatPublishedDate(article.publishedAt)}</time>
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
