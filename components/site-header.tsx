import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-[var(--color-rule)]">
      <nav aria-label="Site" className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="inline-flex min-h-6 items-center gap-2 font-serif text-xl font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block h-4 w-4 rounded-sm bg-[var(--color-highlight)] ring-1 ring-[var(--color-accent)]" />
          Gloss
        </Link>
        <Link href="/" className="text-sm text-[var(--color-muted)] underline-offset-4 hover:underline">
          Articles
        </Link>
      </nav>
    </header>
  );
}
