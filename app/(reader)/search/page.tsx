import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { searchAnnotations, type SearchResult } from "@/lib/data/search/search-annotations";
import { getClientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limiter";
import { SEARCH_MAX_PAGE, searchQuerySchema } from "@/lib/validation/search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title"), robots: { index: false } };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function Snippet({ result }: { result: SearchResult }) {
  // Text nodes and <mark> only: whatever the annotation says is never parsed as HTML.
  return (
    <p className="mt-1 break-words leading-relaxed">
      {result.snippet.map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded-sm bg-[var(--color-highlight-2)] px-0.5 text-[var(--color-ink)]">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = searchQuerySchema.safeParse({ q: typeof raw.q === "string" ? raw.q : "", page: typeof raw.page === "string" ? raw.page : undefined });
  const [t, format, viewer] = await Promise.all([getTranslations("search"), getFormatter(), getViewer()]);
  const query = parsed.success ? parsed.data.q : "";
  const page = parsed.success ? parsed.data.page : 0;

  let outcome: { results: SearchResult[]; hasMore: boolean } | "limited" | null = null;
  if (parsed.success) {
    const limit = await consumeRateLimit("search", viewer ? `user:${viewer.id}` : `ip:${getClientIp(await headers())}`);
    outcome = limit.allowed ? await searchAnnotations(viewer, query, page) : "limited";
  }
  const pageHref = (target: number) => `/search?${new URLSearchParams({ q: query, ...(target > 0 ? { page: String(target) } : {}) }).toString()}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-[var(--color-muted)]">{t("intro")}</p>
      <form role="search" action="/search" method="get" className="mt-6">
        <label htmlFor="search-q" className="block font-medium">
          {t("label")}
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            aria-describedby="search-hint"
            className="min-h-11 w-full rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-3"
          />
          <button type="submit" className="min-h-11 shrink-0 rounded-md bg-[var(--color-ink)] px-4 font-medium text-[var(--color-paper)]">
            {t("submit")}
          </button>
        </div>
        <p id="search-hint" className="mt-1 text-sm text-[var(--color-muted)]">
          {t("hint")}
        </p>
      </form>

      {outcome === "limited" ? (
        <p role="alert" className="mt-6 font-medium">
          {t("tooMany")}
        </p>
      ) : outcome ? (
        <section aria-labelledby="search-results-title" className="mt-8">
          {/* The status sits inside the heading: on the h2 itself it would replace the heading role. A long query wraps. */}
          <h2 id="search-results-title" className="text-lg font-semibold wrap-anywhere">
            <span role="status">{outcome.results.length === 0 && page === 0 ? t("noResults", { query }) : t("results", { count: outcome.results.length, query, more: String(outcome.hasMore) })}</span>
          </h2>
          <ol className="mt-4 space-y-4">
            {outcome.results.map((result) => (
              <li key={result.id} className="rounded-md border border-[var(--color-rule)] p-4">
                <p className="text-sm text-[var(--color-muted)]">
                  <span className="font-medium text-[var(--color-ink)]">{result.isReply ? t("reply") : t("annotation")}</span>{" "}
                  {result.authorHandle ? t("by", { handle: result.authorHandle }) : t("byDeleted")} · {t("on", { title: result.articleTitle })} ·{" "}
                  <time dateTime={result.createdAt.toISOString()}>{format.dateTime(result.createdAt, { dateStyle: "medium" })}</time>
                </p>
                <Link href={`/a/${result.id}`} className="block underline-offset-4 hover:underline">
                  <Snippet result={result} />
                </Link>
              </li>
            ))}
          </ol>
          {page > 0 || (outcome.hasMore && page < SEARCH_MAX_PAGE) ? (
            <nav aria-label={t("title")} className="mt-6 flex justify-between gap-4">
              {page > 0 ? (
                <Link href={pageHref(page - 1)} className="font-medium underline underline-offset-4">
                  {t("previous")}
                </Link>
              ) : (
                <span />
              )}
              {outcome.hasMore && page < SEARCH_MAX_PAGE ? (
                <Link href={pageHref(page + 1)} className="font-medium underline underline-offset-4">
                  {t("next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
