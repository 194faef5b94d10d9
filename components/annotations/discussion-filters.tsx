import { getTranslations } from "next-intl/server";
import { hasFilters, type DiscussionFilters } from "@/lib/validation/discussion-filters";
import type { ThreadSort } from "@/lib/threads/build-thread";

const field = "mt-1 block min-h-10 w-full rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2";

/**
 * Filters for the discussion panel: a plain GET form, so the result is a URL
 * one can share and it works without JavaScript; the server does the filtering.
 */
export async function DiscussionFilterForm({
  slug,
  sort,
  filters,
  signedIn,
  matchCount,
}: {
  slug: string;
  sort: ThreadSort;
  filters: DiscussionFilters;
  signedIn: boolean;
  /** Threads that match, for the summary. */
  matchCount: number;
}) {
  const t = await getTranslations("live");
  const active = hasFilters(filters);
  return (
    <details open={active} className="mt-4 rounded-md border border-[var(--color-rule)] p-3">
      <summary className="min-h-6 cursor-pointer text-sm font-medium">{t("filtersTitle")}</summary>
      <form action={`/articles/${slug}`} method="get" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {sort !== "position" ? <input type="hidden" name="sort" value={sort} /> : null}
        <div>
          <label htmlFor="filter-author" className="block text-sm font-medium">
            {t("filterAuthor")}
          </label>
          <input id="filter-author" name="author" defaultValue={filters.author ?? ""} aria-describedby="filter-author-hint" autoComplete="off" className={field} />
          <p id="filter-author-hint" className="mt-1 text-xs text-[var(--color-muted)]">
            {t("filterAuthorHint")}
          </p>
        </div>
        <div>
          <label htmlFor="filter-tag" className="block text-sm font-medium">
            {t("filterTag")}
          </label>
          <input id="filter-tag" name="tag" defaultValue={filters.tag ?? ""} autoComplete="off" className={field} />
        </div>
        <div>
          <label htmlFor="filter-stance" className="block text-sm font-medium">
            {t("filterStance")}
          </label>
          <select id="filter-stance" name="stance" defaultValue={filters.stance ?? ""} className={field}>
            <option value="">{t("any")}</option>
            <option value="SUPPORTS">{t("stanceSupports")}</option>
            <option value="DISPUTES">{t("stanceDisputes")}</option>
            <option value="CONTEXT">{t("stanceContext")}</option>
          </select>
        </div>
        {signedIn ? (
          <>
            <div>
              <label htmlFor="filter-whose" className="block text-sm font-medium">
                {t("filterWhose")}
              </label>
              <select id="filter-whose" name="whose" defaultValue={filters.mine ? "mine" : "all"} className={field}>
                <option value="all">{t("whoseEveryone")}</option>
                <option value="mine">{t("whoseMine")}</option>
              </select>
            </div>
            <div>
              <label htmlFor="filter-visibility" className="block text-sm font-medium">
                {t("filterVisibility")}
              </label>
              <select id="filter-visibility" name="visibility" defaultValue={filters.visibility?.toLowerCase() ?? ""} className={field}>
                <option value="">{t("any")}</option>
                <option value="public">{t("visibilityPublic")}</option>
                <option value="private">{t("visibilityPrivate")}</option>
              </select>
            </div>
          </>
        ) : null}
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2">
          <button type="submit" className="min-h-10 rounded-md bg-[var(--color-ink)] px-3 text-sm font-medium text-[var(--color-paper)]">
            {t("apply")}
          </button>
          {active ? (
            <a href={`/articles/${slug}${sort !== "position" ? `?sort=${sort}` : ""}`} className="inline-flex min-h-10 items-center text-sm font-medium underline underline-offset-4">
              {t("clear")}
            </a>
          ) : null}
        </div>
      </form>
      {active ? (
        <p role="status" className="mt-2 text-sm text-[var(--color-muted)]">
          {matchCount === 0 ? t("noMatches") : t("filteredSummary", { count: matchCount })}
        </p>
      ) : null}
    </details>
  );
}
