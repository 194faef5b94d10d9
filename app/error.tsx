"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure was on the server: fetch the page again, then clear the error.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong</h1>
      <p className="mt-4 text-lg leading-relaxed">Gloss could not load this page. If the database is restarting, it will be back in a moment.</p>
      <button type="button" onClick={retry} className="mt-6 min-h-10 rounded-md bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)]">
        Try again
      </button>
    </div>
  );
}
