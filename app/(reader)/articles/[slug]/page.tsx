import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SelectionToolbar } from "@/components/annotations/selection-toolbar";
import { ThreadPanel } from "@/components/annotations/thread-panel";
import { ArticleView } from "@/components/reader/article-view";
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

async function loadArticle(slug: string) {
  await connection();
  return SLUG.test(slug) ? getArticleBySlug(slug) : null;
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
  const article = await loadArticle(slug);
  if (!article) notFound();
  const rawSort = (await searchParams).sort;
  const sort: ThreadSort = threadSorts.find((candidate) => candidate === rawSort) ?? "position";

  const viewer = await getViewer();
  const threads = await listArticleAnnotations(viewer, article.id, article.version.id);
  const canonical = buildCanonicalText(article.version.blocks);
  const highlights = threads.flatMap((thread) =>
    thread.anchor ? [{ id: thread.root.id, start: thread.anchor.start, end: thread.anchor.end, isOwn: thread.root.isOwn }] : [],
  );
  return (
    <>
      <ArticleView
        article={article}
        spans={canonical.spans}
        highlights={highlights}
        aside={<ThreadPanel threads={threads} sort={sort} slug={article.slug} viewer={viewer ? { handle: viewer.handle, isEmailVerified: viewer.isEmailVerified } : null} />}
      />
      <SelectionToolbar
        versionId={article.version.id}
        slug={article.slug}
        signedIn={viewer !== null}
        canPost={Boolean(viewer?.isEmailVerified)}
      />
    </>
  );
}
