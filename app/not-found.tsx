import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-[var(--color-muted)]">404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Page not found</h1>
      <p className="mt-4 text-lg leading-relaxed">
        There is nothing at this address. It may have been moved or removed, or the link may be mistyped.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-[var(--color-accent-strong)] underline underline-offset-4">
          Back to the articles
        </Link>
      </p>
    </div>
  );
}
