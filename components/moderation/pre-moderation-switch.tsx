"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { usePostModeration } from "./moderation-api";

/** Turns pre-moderation of one article on or off. */
export function PreModerationSwitch({ articleId, title, enabled }: { articleId: string; title: string; enabled: boolean }) {
  const t = useTranslations("moderation.preModeration");
  const router = useRouter();
  const postModeration = usePostModeration();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    const result = await postModeration(`/api/moderation/articles/${articleId}`, { enabled: !enabled });
    setBusy(false);
    if (!result.ok) return setError(result.failure.error);
    setError(null);
    router.refresh();
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        disabled={busy}
        onClick={() => void toggle()}
        className="inline-flex min-h-10 items-center gap-2 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium"
      >
        <span aria-hidden="true" className={`inline-block h-4 w-7 rounded-full border border-current p-0.5 ${enabled ? "bg-[var(--color-ink)]" : ""}`}>
          <span className={`block h-2.5 w-2.5 rounded-full ${enabled ? "ml-auto bg-[var(--color-paper)]" : "bg-current"}`} />
        </span>
        {t("toggle", { title })}
      </button>
      <span className="text-sm text-[var(--color-muted)]">{enabled ? t("on") : t("off")}</span>
      {error ? (
        <span role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}
