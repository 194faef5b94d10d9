import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ArticleReader } from "@/components/reader/article-reader";
import { FOCUSED_PASSAGE_ID } from "@/components/reader/highlighted-text";
import { locateSharedPassage } from "@/lib/anchoring/shared-passage";
import { parseDiscussionFilters } from "@/lib/validation/discussion-filters";
import { parseSharedPassage } from "@/lib/validation/shared-passage";
import { getViewer } from "@/lib/auth/viewer";
import { loadDiscussion, ORPHANS_PER_PAGE, THREADS_PER_PAGE } from "@/lib/data/annotations/load-discussion";
import { latestLiveEventId } from "@/lib/data/live/load-live-messages";
import { getArticleBySlug } from "@/lib/data/articles/get-article";
import { isoDate } from "@/lib/format-date";
import { threadSorts, type ThreadSort } from "@/lib/threads/build-thread";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ID = /^[a-z0-9]{20,40}$/;

/** The most threads, or orphans, one page shows: `?threads=N` and `?orphans=N` stop here. */
const MAX_SHOWN = 500;

/** `?threads=N` (or `?orphans=N`) shows more of a long discussion, up to a bound that keeps the page reasonable. */
function countParam(raw: string | string[] | undefined, perPage: number): number {
  const value = typeof raw === "string" && /^[0-9]{1,4}$/.test(raw) ? Number(raw) : perPage;
  return Math.min(Math.max(value, perPage), MAX_SHOWN);
}

/** `?version=N` opens an older version; anything malformed is the current one. */
function versionParam(raw: string | string[] | undefined): number | undefined {
  return typeof raw === "string" && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : undefined;
}

async function loadArticle(slug: string, version?: number) {
  await connection();
  return SLUG.test(slug) ? getArticleBySlug(slug, version) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await loadArticle(slug);
  if (!article) return { title: (await getTranslations("reader.article"))("notFound") };
  return {
    title: article.title,
    description: article.summary,
    authors: [{ name: article.author }],
    alternates: {
      canonical: `/articles/${article.slug}`,
      // Feed readers discover the article's annotation feed from the page itself.
      types: { "application/atom+xml": [{ url: `/articles/${article.slug}/feed.xml`, title: `Annotations on “${article.title}”` }] },
    },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      url: `/articles/${article.slug}`,
      publishedTime: isoDate(article.publishedAt),
      authors: [article.author],
    },
    twitter: { card: "summary", title: article.title, description: article.summary },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const article = await loadArticle(slug, versionParam(query.version));
  if (!article) notFound();
  const rawSort = query.sort;
  const sort: ThreadSort = threadSorts.find((candidate) => candidate === rawSort) ?? "position";

  const [viewer, t] = await Promise.all([getViewer(), getTranslations("reader.article")]);
  const filters = parseDiscussionFilters(query);
  // Read before the discussion: anything that happens after it comes over the live stream, so nothing falls between.
  const liveSince = article.isCurrentVersion ? await latestLiveEventId(article.id) : null;
  const discussion = await loadDiscussion(viewer, article.id, article.version.id, {
    sort,
    limit: countParam(query.threads, THREADS_PER_PAGE),
    orphanLimit: countParam(query.orphans, ORPHANS_PER_PAGE),
    focusRootId: typeof query.thread === "string" && ID.test(query.thread) ? query.thread : undefined,
    onlyPlacedInVersion: !article.isCurrentVersion,
    filters,
  });
  const shared = article.isCurrentVersion ? locateSharedPassage(article.version.blocks, parseSharedPassage(query)) : null;
  return (
    <>
      {shared && shared !== "not-found" ? <meta httpEquiv="refresh" content={`0;url=#${FOCUSED_PASSAGE_ID}`} /> : null}
      <ArticleReader
        article={article}
        viewer={viewer}
        discussion={discussion}
        sort={sort}
        filters={filters}
        live={liveSince === null ? undefined : { articleId: article.id, since: liveSince.toString() }}
        // The banner confirms an admin's own save; to anyone else, or with another value, the parameter means nothing.
        published={viewer?.role === "ADMIN" && (query.published === "created" || query.published === "new-version") ? query.published : undefined}
        notice={shared === "not-found" ? t("passageNotFound") : undefined}
        focus={shared && shared !== "not-found" ? { targetId: FOCUSED_PASSAGE_ID, emphasis: [{ id: "shared:passage", ...shared, isOwn: false }] } : undefined}
      />
    </>
  );
}
