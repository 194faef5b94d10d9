import { Feed } from "feed";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown/render-markdown";
import type { ExportContext, OpenAnnotation } from "./types";
import { annotationIri } from "./web-annotation";

/** The feed library marks titles as `type="html"`, so plain text is escaped to stay text in every reader. */
function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function titleOf(annotation: OpenAnnotation): string {
  const who = annotation.author ? `@${annotation.author.handle}` : "A deleted user";
  const text = markdownToPlainText(annotation.body ?? "").replace(/\s+/g, " ").trim();
  const excerpt = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return annotation.parentId ? `${who} replied: ${excerpt}` : `${who} on “${annotation.quote?.exact.slice(0, 60) ?? ""}”: ${excerpt}`;
}

/**
 * An Atom feed of an article's newest public annotations. Bodies go through
 * the same Markdown renderer and allow-list sanitizer as the page, so a feed
 * reader gets no markup the site itself would not show.
 */
export function toAtomFeed(article: { slug: string; title: string; summary: string }, items: readonly OpenAnnotation[], context: ExportContext): string {
  const feedUrl = `${context.articleUrl}/feed.xml`;
  const feed = new Feed({
    title: `Annotations on “${article.title}” — Gloss`,
    description: article.summary,
    id: feedUrl,
    link: context.articleUrl,
    feedLinks: { atom: feedUrl },
    // The latest change among the items, an edit of an older one included, so feed readers notice it.
    updated: items.reduce((latest, item) => (item.modifiedAt > latest ? item.modifiedAt : latest), new Date(0)),
    copyright: "Each annotation belongs to its author.",
    generator: "Gloss",
  });
  for (const item of items) {
    const url = annotationIri(context.siteUrl, item.id);
    feed.addItem({
      title: escapeHtml(titleOf(item)),
      id: url,
      link: url,
      date: item.modifiedAt,
      published: item.createdAt,
      content: renderMarkdown(item.body ?? ""),
      author: item.author ? [{ name: item.author.name }] : [{ name: "deleted user" }],
      category: item.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return feed.atom1();
}
