"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { actionButton as button } from "./action-button";

/**
 * What Share opens: copy with a visible confirmation, the system share sheet
 * where the browser has one, and an email link. It takes the focus when it
 * appears, so it is never lost while this module loads.
 */
export function ShareChoices({ annotationId, quote }: { annotationId: string; quote: string }) {
  const t = useTranslations("share");
  const [status, setStatus] = useState("");
  const firstChoice = useRef<HTMLButtonElement>(null);
  const url = () => `${window.location.origin}/a/${annotationId}`;
  const canShare = typeof navigator.share === "function";
  const subject = t("emailSubject", { quote: quote.slice(0, 60) });

  useEffect(() => firstChoice.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setStatus(t("linkCopied"));
    } catch {
      setStatus(t("copyThisLink", { url: url() }));
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t("shareTitle", { quote: quote.slice(0, 80) }), url: url() });
    } catch {
      // Closing the share sheet is not an error worth showing.
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-1" role="group" aria-label={t("groupLabel")}>
      <button ref={firstChoice} type="button" className={`${button} border border-[var(--color-rule)] no-underline`} onClick={() => void copy()}>
        {t("copyLink")}
      </button>
      {canShare ? (
        <button type="button" className={`${button} border border-[var(--color-rule)] no-underline`} onClick={() => void share()}>
          {t("shareSystem")}
        </button>
      ) : null}
      <a className={`${button} inline-flex items-center border border-[var(--color-rule)] no-underline`} href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url())}`}>
        {t("email")}
      </a>
      <span role="status" aria-live="polite" className="break-all text-sm font-medium">
        {status}
      </span>
    </span>
  );
}
