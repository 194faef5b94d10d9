import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleReader } from "@/components/reader/article-reader";
import { FOCUSED_PASSAGE_ID } from "@/components/reader/highlighted-text";
import { trimText } from "@/lib/articles/content-file";
import { getViewer } from "@/lib/auth/viewer";
import { findPermalinkTarget } from "@/lib/data/annotations/find-permalink";
import { loadDiscussion } from "@/lib/data/annotations/load-discussion";
import { getArticleBySlug } from "@/lib/data/articles/get-article";
import { markdownToPlainText } from "@/lib/markdown/render-markdown";

interface Props {
  params: Promise<{ id: string }>;
}

/** Annotation ids are cuids: anything else is a 404 without touching the database. */
const ID = /^[a-z0-9]{20,40}$/;

const load = cache(async (id: string) => {
  await connection();
  if (!ID.test(id)) return null;
  const viewer = await getViewer();
  const target = await findPermalinkTarget(viewer, id);
  if (!target) return null;
  const article = await getArticleBySlug(target.slug);
  return article ? { viewer, target, article } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (!loaded) return { title: (await getTranslations("errors"))("notFoundTitle") };
  const t = await getTranslations("share");
  const { target, article } = loaded;
  const canonical = `/a/${target.id}`;
  // A deleted annotation's words stay out of the page, its tags and its card.
  const gone = target.isDeleted;
  const title = gone ? article.title : `“${trimText(target.quote, 90)}”`;
  const description = gone ? t("deleted") : trimText(markdownToPlainText(target.body ?? "") || t("highlightedIn", { title: article.title }), 200);
  const by = target.authorHandle && !gone ? `@${target.authorHandle}` : undefined;
  return {
    title,
    description,
    alternates: { canonical },
    authors: by ? [{ name: by }] : undefined,
    openGraph: {
      type: "article",
      siteName: "Gloss",
      title,
      description,
      url: canonical,
      authors: by ? [by] : undefined,
      images: [{ url: `/a/${target.id}/card.png?v=${target.revision}`, width: 1200, height: 630, alt: title }],
    },
    twitter: { card: "summary_large_image", title, description, images: [`/a/${target.id}/card.png?v=${target.revision}`] },
  };
}

/**
 * An annotation's permalink: the article, rendered on the server, with the
 * passage emphasised and the thread open at the annotation. Works signed out
 * and without JavaScript (a refresh to the passage's fragment).
 */
export default async function PermalinkPage({ params }: Props) {
  const loaded = await load((await params).id);
  if (!loaded) notFound();
  const { viewer, target, article } = loaded;
  const t = await getTranslations("share");
  const discussion = await loadDiscussion(viewer, article.id, article.version.id, { sort: "position", focusRootId: target.rootId });
  const thread = [...discussion.threads, ...discussion.orphaned].find((candidate) => candidate.root.id === target.rootId);
  const anchor = thread?.anchor;
  const notice = target.isDeleted
    ? t("deleted")
    : !anchor
      ? t.rich("orphaned", { quote: () => <q className="font-serif italic">{target.quote}</q> })
      : undefined;
  const focusTarget = anchor ? FOCUSED_PASSAGE_ID : `annotation-${target.id}`;
  return (
    <>
      <meta httpEquiv="refresh" content={`0;url=#${focusTarget}`} />
      <ArticleReader
        article={article}
        viewer={viewer}
        discussion={discussion}
        sort="position"
        notice={notice}
        focus={{
          targetId: focusTarget,
          emphasis: anchor ? [{ id: target.rootId, start: anchor.start, end: anchor.end, isOwn: false }] : [],
          annotationId: target.id,
        }}
      />
    </>
  );
}
