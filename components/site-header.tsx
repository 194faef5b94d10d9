import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { hasRole, getViewer } from "@/lib/auth/viewer";
import { signOutAction } from "@/lib/actions/account/sessions";

const linkStyle = "inline-flex min-h-11 items-center px-2 text-sm underline-offset-4 hover:underline";

/** The header must render even when the database is down, so the page's own error message can show below it. */
async function viewerOrNull() {
  try {
    return await getViewer();
  } catch (error) {
    console.error("site header: could not load the viewer", error);
    return null;
  }
}

export async function SiteHeader() {
  const [viewer, t, tSearch] = await Promise.all([viewerOrNull(), getTranslations("common"), getTranslations("search")]);
  return (
    <header className="border-b border-[var(--color-rule)]">
      <nav aria-label={t("siteNav")} className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="inline-flex min-h-11 items-center gap-2 font-serif text-xl font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block h-4 w-4 rounded-sm bg-[var(--color-highlight)] ring-1 ring-[var(--color-accent)]" />
          Gloss
        </Link>
        <ul className="flex flex-wrap items-center gap-x-1 text-[var(--color-muted)]">
          <li>
            <Link href="/" className={linkStyle}>
              {t("articles")}
            </Link>
          </li>
          <li>
            <Link href="/search" className={linkStyle}>
              {tSearch("navLink")}
            </Link>
          </li>
          {hasRole(viewer, "MODERATOR") ? (
            <li>
              <Link href="/moderation" className={linkStyle}>
                {t("moderation")}
              </Link>
            </li>
          ) : null}
          {hasRole(viewer, "ADMIN") ? (
            <li>
              <Link href="/admin" className={linkStyle}>
                {t("admin")}
              </Link>
            </li>
          ) : null}
          {viewer ? (
            <>
              <li>
                <NotificationBell viewer={viewer} className={linkStyle} />
              </li>
              <li>
                <Link href="/account" className={linkStyle}>
                  <span className="sr-only">{t("accountLabel")} </span>@{viewer.handle}
                </Link>
              </li>
              <li>
                <form action={signOutAction}>
                  <button type="submit" className={`${linkStyle} cursor-pointer`}>
                    {t("signOut")}
                  </button>
                </form>
              </li>
            </>
          ) : (
            <li>
              <Link href="/signin" className={`${linkStyle} font-medium text-[var(--color-ink)]`}>
                {t("signIn")}
              </Link>
            </li>
          )}
          <li>
            <LocaleSwitcher className={linkStyle} />
          </li>
        </ul>
      </nav>
    </header>
  );
}
