"use client";

import { useState } from "react";

const button = "min-h-8 rounded px-2 text-sm underline-offset-2 hover:underline";

/**
 * Sharing an annotation's permalink: copy with a visible confirmation, the
 * system share sheet where the browser has one, and an email link.
 */
export function ShareMenu({ annotationId, quote }: { annotationId: string; quote: string }) {
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const url = () => `${window.location.origin}/a/${annotationId}`;
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setStatus("Link copied");
    } catch {
      setStatus(`Copy this link: ${url()}`);
    }
  }

  async function share() {
    try {
      await navigator.share({ title: `“${quote.slice(0, 80)}”`, url: url() });
    } catch {
      // Closing the share sheet is not an error worth showing.
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <button type="button" className={button} aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        Share
      </button>
      {isOpen ? (
        <span className="inline-flex flex-wrap items-center gap-1" role="group" aria-label="Share this annotation">
          <button type="button" className={`${button} border border-[var(--color-rule)] no-underline`} onClick={() => void copy()}>
            Copy link
          </button>
          {canShare ? (
            <button type="button" className={`${button} border border-[var(--color-rule)] no-underline`} onClick={() => void share()}>
              Share…
            </button>
          ) : null}
          <a
            className={`${button} inline-flex items-center border border-[var(--color-rule)] no-underline`}
            href={`mailto:?subject=${encodeURIComponent(`An annotation on Gloss: “${quote.slice(0, 60)}”`)}&body=${encodeURIComponent(`/a/${annotationId}`)}`}
            onClick={(event) => {
              event.currentTarget.href = `mailto:?subject=${encodeURIComponent(`An annotation on Gloss: “${quote.slice(0, 60)}”`)}&body=${encodeURIComponent(url())}`;
            }}
          >
            Email
          </a>
          <span role="status" aria-live="polite" className="text-sm font-medium">
            {status}
          </span>
        </span>
      ) : null}
    </span>
  );
}
