"use client";

import "./globals.css";

/** Last resort when even the layout failed (for example, the database is unreachable). */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        <main className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
          <p className="font-serif text-xl font-semibold">Gloss</p>
          <h1 className="mt-6 font-serif text-3xl font-semibold">Gloss is unavailable for a moment</h1>
          <p className="mt-4 text-lg leading-relaxed">The page could not be loaded. If the database is restarting, it will be back shortly.</p>
          <button type="button" onClick={reset} className="mt-6 min-h-10 rounded-md bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)]">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
