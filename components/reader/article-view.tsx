import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ArticleBlock } from "@/lib/articles/blocks";
import { languageDirection } from "@/lib/articles/languages";
import type { BlockSpan } from "@/lib/articles/canonical-text";
import type { ArticleForReading } from "@/lib/data/articles/get-article";
import { isoDate, PUBLISHED_DATE } from "@/lib/format-date";
import type { PlacedHighlight, Segment } from "@/lib/highlights/segments";
import { segmentArticle } from "@/lib/highlights/segment-article";
import { HighlightedText } from "./highlighted-text";

/** Chinese runs get lang="zh-CN" so screen readers and fonts treat them right. */
const HAN = /\p{Script=Han}/u;

const blockStyles = {
  lead: "font-serif text-xl leading-relaxed sm:text-[1.35rem]",
  heading: "mt-10 scroll-mt-6 font-sans text-xl font-semibold leading-snug tracking-tight sm:text-2xl",
  paragraph: "mt-5 font-serif text-lg leading-[1.75] sm:text-[1.1875rem]",
} as const;

function Block({
  block,
  span,
  segments,
  passageIds,
  holdsFocusTarget,
  threadHref,
}: {
  block: ArticleBlock;
  span: BlockSpan;
  segments: readonly Segment[];
  passageIds: readonly (string | undefined)[];
  holdsFocusTarget: boolean;
  threadHref: (threadId: string) => string;
}) {
  const Tag = block.kind === "heading" ? "h2" : "p";
  return (
    <Tag id={block.id} data-block-id={block.id} data-block-start={span.start} className={blockStyles[block.kind]}>
      <HighlightedText segments={segments} passageIds={passageIds} holdsFocusTarget={holdsFocusTarget} threadHref={threadHref} />
    </Tag>
  );
}

export function ArticleView({
  article,
  spans,
  highlights = [],
  emphasis = [],
  aside,
  threadHref = (threadId) => `#thread-${threadId}`,
}: {
  article: ArticleForReading;
  spans: readonly BlockSpan[];
  highlights?: readonly PlacedHighlight[];
  /** Passages a link points at, drawn with extra emphasis. */
  emphasis?: readonly PlacedHighlight[];
  aside?: ReactNode;
  /** Where a highlight leads; by default its thread in the panel on this page. */
  threadHref?: (threadId: string) => string;
}) {
  // A shared passage that is nobody's highlight still needs its own run of text.
  const known = new Set(highlights.map((highlight) => highlight.id));
  const allHighlights = [...highlights, ...emphasis.filter((highlight) => !known.has(highlight.id))];
  const emphasisIds = new Set(emphasis.map((highlight) => highlight.id));
  const focusStart = emphasis[0]?.start;
  const { segments, passageIds } = segmentArticle(article.version.id, article.version.blocks, spans, allHighlights, emphasisIds);
  const t = useTranslations("reader.article");
  const format = useFormatter();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12 lg:grid lg:grid-cols-[minmax(0,68ch)_minmax(18rem,24rem)] lg:justify-center lg:gap-12">
      <article className="mx-auto max-w-[68ch] lg:mx-0" aria-labelledby="article-title">
        <header className="mb-8 border-b border-[var(--color-rule)] pb-6">
          <h1 id="article-title" lang={article.language} dir={languageDirection(article.language)} className="font-serif text-3xl font-semibold leading-tight tracking-tight text-balance sm:text-[2.5rem]">
            {article.title}
          </h1>
          <p className="mt-4 flex flex-wrap gap-x-3 gap-y-1 text-sm text-[var(--color-muted)]">
            <span>{t.rich("byline", { name: article.author, author: (chunks) => <span className="font-medium text-[var(--color-ink)]">{chunks}</span> })}</span>
            <span aria-hidden="true">·</span>
            <time dateTime={isoDate(article.publishedAt)}>{format.dateTime(article.publishedAt, PUBLISHED_DATE)}</time>
            {article.source ? (
              <>
                <span aria-hidden="true">·</span>
                <span lang={HAN.test(article.source) ? "zh-CN" : undefined}>{article.source}</span>
              </>
            ) : null}
          </p>
        </header>

        {/* break-words: a long unbreakable run (a URL, a non-breaking hyphen) must not push a 320px screen sideways. */}
        {/* The article's own language, not the interface's: under the Chinese interface an English article is still read in English. */}
        <div data-article-body data-version-id={article.version.id} lang={article.language} dir={languageDirection(article.language)} className="break-words">
          {article.version.blocks.map((block, index) => (
            <Block
              key={block.id}
              block={block}
              span={spans[index]!}
              segments={segments[index]!}
              passageIds={passageIds[index]!}
              holdsFocusTarget={focusStart !== undefined && spans[index]!.start <= focusStart && focusStart < spans[index]!.end}
              threadHref={threadHref}
            />
          ))}
        </div>

        <footer className="mt-12 border-t border-[var(--color-rule)] pt-6 text-base leading-relaxed text-[var(--color-muted)]">
          {article.authorBio ? (
            <p lang={article.language} dir={languageDirection(article.language)} className="italic">
              {article.authorBio}
            </p>
          ) : null}
          {article.source ? (
            <p className="mt-4 text-sm">
              {t("source")}{" "}
              <span lang={HAN.test(article.source) ? "zh-CN" : undefined} className="text-[var(--color-ink)]">
                {article.source}
              </span>
            </p>
          ) : null}
        </footer>
      </article>
      {aside}
    </div>
  );
}
