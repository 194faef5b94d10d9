"use client";

import { useTranslations } from "next-intl";
import { useLiveDiscussion } from "./live-discussion";

/**
 * "3 new annotations — show": announced politely, and only moves the page
 * when the reader asks. The region is always present so screen readers hear
 * its changes; `data-live` lets tests wait for the stream to be open.
 */
export function NewThreadsBar() {
  const t = useTranslations("live");
  const { pendingThreadIds, isConnected, showPending } = useLiveDiscussion();
  const count = pendingThreadIds.length;
  return (
    <div aria-live="polite" data-live={isConnected ? "connected" : "connecting"} className="mt-3">
      {count > 0 ? (
        <button
          type="button"
          onClick={showPending}
          className="flex min-h-11 w-full items-center justify-center rounded-md border border-[var(--color-accent)] bg-[var(--color-highlight)]/40 px-3 text-sm font-medium"
        >
          {t("newThreads", { count })}
        </button>
      ) : null}
    </div>
  );
}
