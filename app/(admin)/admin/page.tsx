import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { setModeratorAction } from "@/lib/actions/admin/set-moderator";
import { requireRole } from "@/lib/auth/viewer";
import { listUsersForAdmin } from "@/lib/data/users/list-users";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

const ROLE_NAMES = { READER: "Reader", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireRole("ADMIN");
  const rawQuery = (await searchParams).q;
  const query = typeof rawQuery === "string" ? rawQuery.slice(0, 100) : "";
  const users = await listUsersForAdmin(viewer, query);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Admin</h1>
      <h2 className="mt-8 text-xl font-semibold">Articles</h2>
      <p className="mt-2">
        <a href="/admin/articles/new" className="font-medium underline underline-offset-4">
          Add an article
        </a>{" "}
        · edit one from its page.
      </p>
      <h2 className="mt-8 text-xl font-semibold">People and roles</h2>
      <p className="mt-2 leading-relaxed text-[var(--color-muted)]">Grant or revoke moderator. Admins are set with <code>ADMIN_EMAILS</code> or <code>npm run user -- promote</code>.</p>
      <form role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="user-search" className="block text-sm font-medium">
            Find people
          </label>
          <input id="user-search" name="q" type="search" defaultValue={query} placeholder="Email, handle or name" className="mt-1.5 block min-h-11 w-full rounded-md border border-[var(--color-rule)] bg-transparent px-3 py-2" />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">People and their roles</caption>
        <thead>
          <tr className="border-b border-[var(--color-rule)]">
            <th scope="col" className="py-2 pr-3 font-semibold">Person</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Role</th>
            <th scope="col" className="py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-[var(--color-rule)] align-middle">
              <td className="py-3 pr-3">
                <span className="font-medium">{user.name}</span> <span className="text-[var(--color-muted)]">@{user.handle}</span>
                <br />
                <span className="break-all text-[var(--color-muted)]">{user.email}</span>
              </td>
              <td className="py-3 pr-3">{ROLE_NAMES[user.role]}</td>
              <td className="py-3 text-right">
                {user.role === "ADMIN" ? null : (
                  <form action={setModeratorAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="grant" value={user.role === "READER" ? "true" : "false"} />
                    <Button type="submit" variant="secondary" aria-label={`${user.role === "READER" ? "Make moderator" : "Revoke moderator"}: @${user.handle}`}>
                      {user.role === "READER" ? "Make moderator" : "Revoke moderator"}
                    </Button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {users.length === 0 ? <p className="mt-4">Nobody matches “{query}”.</p> : null}
    </div>
  );
}
