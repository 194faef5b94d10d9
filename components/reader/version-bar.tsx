import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { ImportLink } from "@/components/open-data/import-link";
import type { ArticleForReading } from "@/lib/data/articles/get-article";

/** Which version is shown, links to the others, and (for admins) the edit link. */
export function VersionBar({ article, isAdmin, published }: { article: ArticleForReading; isAdmin: boolean; published?: string }) {
  const t = useTranslations("reader.version");
  const format = useFormatter();
  const { number } = article.version;
  const others = Array.from({ length: article.currentVersionNumber }, (_, index) => index + 1).filter((candidate) => candidate !== number);
  if (others.length === 0 && !isAdmin && !published) return null;
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4 sm:px-6">
      <div role={published || !article.isCurrentVersion ? "status" : undefined} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-[var(--color-rule)] px-3 py-2 text-sm">
        {published ? <strong>{published === "created" ? t("created") : t("published")}</strong> : null}
        <span>
          {article.isCurrentVersion ? t("current", { number }) : t("older", { number, total: article.currentVersionNumber, date: format.dateTime(article.version.createdAt, { dateStyle: "medium" }) })}
        </span>
        {!article.isCurrentVersion ? (
          <Link href={`/articles/${article.slug}`} className="font-medium underline underline-offset-4">
            {t("readCurrent")}
          </Link>
        ) : null}
        {others.length ? (
          <span>
            {t("others")}{" "}
            {others.map((other, index) => (
              <span key={other}>
                {index > 0 ? ", " : ""}
                <Link href={other === article.currentVersionNumber ? `/articles/${article.slug}` : `/articles/${article.slug}?version=${other}`} className="underline underline-offset-4">
                  {other}
                </Link>
              </span>
            ))}
          </span>
        ) : null}
        {isAdmin && article.isCurrentVersion ? (
          <Link href={`/articles/${article.slug}/edit`} className="font-medium underline underline-offset-4">
            {t("edit")}
          </Link>
        ) : null}
        {isAdmin && article.isCurrentVersion ? <ImportLink slug={article.slug} /> : null}
      </div>
    </div>
  );
}
