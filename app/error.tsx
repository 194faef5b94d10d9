"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const t = useTranslations("errors");
  // The failure was on the server: fetch the page again, then clear the error.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-4 text-lg leading-relaxed">{t("errorBody")}</p>
      <button type="button" onClick={retry} className="mt-6 min-h-10 rounded-md bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)]">
        {t("tryAgain")}
      </button>
    </div>
  );
}
