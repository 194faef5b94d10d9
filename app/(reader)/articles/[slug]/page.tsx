import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SelectionToolbar } from "@/components/annotations/selection-toolbar";
import { ThreadPanel } from "@/components/annotations/thread-panel";
import { ArticleView } from "@/components/reader/article-view";
import { VersionBar } from "@/components/reader/version-bar";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { getViewer } from "@/lib/auth/viewer";
import { listArticleAnnotations } from "@/lib/data/annotations/list-article-annotations";
import { getArticleBySlug } from "@/lib/data/articles/get-article";
import { isoDate } from "@/lib/format-date";
import { threadSorts, type ThreadSort } from "@/lib/threads/build-thread";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
  if (!article) return { title: "Article not found" };
  return {
    title: article.title,
    description: article.summary,
    authors: [{ name: article.author }],
    alternates: { canonical: `/articles/${article.slug}` },
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

  const viewer = await getViewer();
  const threads = await listArticleAnnotations(viewer, article.id, article.version.id, { onlyPlacedInVersion: !article.isCurrentVersion });
  const canonical = buildCanonicalText(article.version.blocks);
  const highlights = threads.flatMap((thread) =>
    thread.anchor ? [{ id: thread.root.id, start: thread.anchor.start, end: thread.anchor.end, isOwn: thread.root.isOwn }] : [],
  );
  return (
    <>
      <VersionBar article={article} isAdmin={viewer?.role === "ADMIN"} published={typeof query.published === "string" ? query.published : undefined} />
      {/* Before the article, so its keyboard-selection switch comes early in the tab order. */}
      {article.isCurrentVersion ? (
        <SelectionToolbar versionId={article.version.id} slug={article.slug} signedIn={viewer !== null} canPost={Boolean(viewer?.isEmailVerified)} />
      ) : null}
      <ArticleView
        article={article}
        spans={canonical.spans}
        highlights={highlights}
        aside={<ThreadPanel threads={threads} sort={sort} slug={article.slug} viewer={viewer ? { handle: viewer.handle, isEmailVerified: viewer.isEmailVerified } : null} />}
      />
    </>
  );
}
