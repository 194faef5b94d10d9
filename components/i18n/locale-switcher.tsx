import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";

/**
 * Offers the other interface language as a plain form post (works without
 * JavaScript). The return path comes from the proxy's x-pathname header.
 */
export async function LocaleSwitcher({ className }: { className: string }) {
  const [locale, t, headerList] = await Promise.all([getLocale(), getTranslations("common"), headers()]);
  const returnTo = headerList.get("x-return-path") ?? "/";
  const others = LOCALES.filter((candidate) => candidate !== locale);
  return (
    <form action="/api/locale" method="post" className="inline">
      <input type="hidden" name="returnTo" value={returnTo} />
      {others.map((other) => (
        <button
          key={other}
          type="submit"
          name="locale"
          value={other}
          aria-label={t("switchTo", { language: LOCALE_NAMES[other] })}
          className={`${className} cursor-pointer`}
        >
          {/* Only the language's own name is in that language; the label around it is in the current one. */}
          <span lang={other}>{LOCALE_NAMES[other]}</span>
        </button>
      ))}
    </form>
  );
}
