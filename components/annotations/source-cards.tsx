import { useTranslations } from "next-intl";
import type { AnnotationView } from "@/lib/data/annotations/list-article-annotations";

const STANCE = {
  SUPPORTS: { mark: "✓", style: "border-green-700 dark:border-green-400" },
  DISPUTES: { mark: "✗", style: "border-red-700 dark:border-red-400" },
  CONTEXT: { mark: "i", style: "border-[var(--color-rule)]" },
} as const;

/** Validation admits only http(s) sources; checked again here so a row written some other way cannot become a script link. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Cited sources as cards: stance in words and a symbol (never colour alone), title and domain. */
export function SourceCards({ sources }: { sources: AnnotationView["sources"] }) {
  const t = useTranslations("annotations.sources");
  if (sources.length === 0) return null;
  return (
    <ul className="mt-3 space-y-2" aria-label={t("listLabel")}>
      {sources.map((source, position) => {
        const stance = STANCE[source.stance];
        return (
          // Sources keep their order and never move, and rows stored before duplicates were refused may repeat an address.
          <li key={position} className={`rounded-md border-l-4 ${stance.style} bg-[var(--color-rule)]/25 px-3 py-2 text-sm`}>
            <span className="font-semibold">
              <span aria-hidden="true">{stance.mark} </span>
              {t(source.stance)}
            </span>
            {" · "}
            {isWebAddress(source.url) ? (
              <a href={source.url} rel="nofollow ugc noopener noreferrer" target="_blank" className="break-words font-medium underline underline-offset-2">
                {source.title ?? source.domain}
              </a>
            ) : (
              <span className="break-words font-medium">{source.title ?? source.domain}</span>
            )}
            <span className="block text-xs text-[var(--color-muted)]">{source.domain}</span>
          </li>
        );
      })}
    </ul>
  );
}
