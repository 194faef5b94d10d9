import type { ArticleBlock } from "@/lib/articles/blocks";
import type { ArticleForReading } from "@/lib/data/articles/get-article";
import { formatPublishedDate, isoDate } from "@/lib/format-date";

/** Chinese runs get lang="zh-CN" so screen readers and fonts treat them right. */
const HAN = /\p{Script=Han}/u;

function Block({ block }: { block: ArticleBlock }) {
  const common = { id: block.id, "data-block-id": block.id };
  switch (block.kind) {
    case "lead":
      return (
        <p {...common} className="font-serif text-xl leading-relaxed text-[var(--color-ink)] sm:text-[1.35rem]">
          {block.text}
        </p>
      );
    case "heading":
      return (
        <h2 {...common} className="mt-10 scroll-mt-6 font-sans text-xl font-semibold leading-snug tracking-tight sm:text-2xl">
          {block.text}
        </h2>
      );
    case "paragraph":
      return (
        <p {...common} className="mt-5 font-serif text-lg leading-[1.75] sm:text-[1.1875rem]">
          {block.text}
        </p>
      );
  }
}

export function ArticleView({ article }: { article: ArticleForReading }) {
  return (
    <article className="mx-auto max-w-[68ch] px-4 py-8 sm:px-6 sm:py-12" aria-labelledby="article-title">
      <header className="mb-8 border-b border-[var(--color-rule)] pb-6">
        <h1 id="article-title" className="font-serif text-3xl font-semibold leading-tight tracking-tight text-balance sm:text-[2.5rem]">
          {article.title}
        </h1>
        <p className="mt-4 flex flex-wrap gap-x-3 gap-y-1 text-sm text-[var(--color-muted)]">
          <span>
            By <span className="font-medium text-[var(--color-ink)]">{article.author}</span>
          </span>
          <span aria-hidden="true">·</span>
          <time dateTime={isoDate(article.publishedAt)}>{formatPublishedDate(article.publishedAt)}</time>
          {article.source ? (
            <>
              <span aria-hidden="true">·</span>
              <span lang={HAN.test(article.source) ? "zh-CN" : undefined}>{article.source}</span>
            </>
          ) : null}
        </p>
      </header>

      <div data-article-body data-version-id={article.version.id}>
        {article.version.blocks.map((block) => (
          <Block key={block.id} block={block} />
        ))}
      </div>

      <footer className="mt-12 border-t border-[var(--color-rule)] pt-6 text-base leading-relaxed text-[var(--color-muted)]">
        {article.authorBio ? <p className="italic">{article.authorBio}</p> : null}
        {article.source ? (
          <p className="mt-4 text-sm">
            Source:{" "}
            <span lang={HAN.test(article.source) ? "zh-CN" : undefined} className="text-[var(--color-ink)]">
              {article.source}
            </span>
          </p>
        ) : null}
      </footer>
    </article>
  );
}
