import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { setModeratorAction } from "@/lib/actions/admin/set-moderator";
import { requireRole } from "@/lib/auth/viewer";
import { listUsersForAdmin } from "@/lib/data/users/list-users";
import { stripInvalidText } from "@/lib/validation/clean-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireRole("ADMIN");
  const rawQuery = (await searchParams).q;
  const query = typeof rawQuery === "string" ? stripInvalidText(rawQuery).slice(0, 100) : "";
  const [users, t] = await Promise.all([listUsersForAdmin(viewer, query), getTranslations("admin")]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <h2 className="mt-8 text-xl font-semibold">{t("articles")}</h2>
      <p className="mt-2">
        <a href="/admin/articles/new" className="font-medium underline underline-offset-4">
          {t("addArticle")}
        </a>{" "}
        {t("editFromPage")}
      </p>
      <h2 className="mt-8 text-xl font-semibold">{t("people")}</h2>
      <p className="mt-2 leading-relaxed text-[var(--color-muted)]">{t.rich("peopleIntro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <form role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="user-search" className="block text-sm font-medium">
            {t("findPeople")}
          </label>
          <input id="user-search" name="q" type="search" defaultValue={query} placeholder={t("searchPlaceholder")} className="mt-1.5 block min-h-11 w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-3 py-2" />
        </div>
        <Button type="submit" variant="secondary">
          {t("search")}
        </Button>
      </form>
      <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b border-[var(--color-rule)]">
            <th scope="col" className="py-2 pr-3 font-semibold">{t("person")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("role")}</th>
            <th scope="col" className="py-2 font-semibold">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-[var(--color-rule)] align-middle">
              {/* Long handles and addresses wrap anywhere, so the action button stays on a phone's screen. */}
              <td className="py-3 pr-3 [overflow-wrap:anywhere]">
                <span className="font-medium">{user.name}</span> <span className="text-[var(--color-muted)]">@{user.handle}</span>
                <br />
                <span className="break-all text-[var(--color-muted)]">{user.email}</span>
              </td>
              <td className="py-3 pr-3">{t(`roles.${user.role}`)}</td>
              <td className="py-3 text-right">
                {user.role === "ADMIN" ? null : (
                  <form action={setModeratorAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="grant" value={user.role === "READER" ? "true" : "false"} />
                    <Button type="submit" variant="secondary" aria-label={t("forUser", { action: t(user.role === "READER" ? "makeModerator" : "revokeModerator"), handle: user.handle })}>
                      {t(user.role === "READER" ? "makeModerator" : "revokeModerator")}
                    </Button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {users.length === 0 ? <p className="mt-4">{t("nobody", { query })}</p> : null}
    </div>
  );
}
