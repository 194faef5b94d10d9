"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { focusAndReveal, passageOf } from "@/components/reader/highlight-navigation";

/**
 * On narrow screens the discussion opens as a bottom sheet over the article,
 * from a bar at the bottom or by following a highlight to its thread. Without
 * JavaScript, or on wide screens, it stays where it is in the page.
 */
export function DiscussionSheet({ count, children }: { count: number; children: ReactNode }) {
  const t = useTranslations("annotations.discussion");
  const [isOpen, setOpen] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // Set when the reader closes the sheet: the bar button is back only after the render, so focus moves to it then.
  const returnFocus = useRef(false);

  useEffect(() => {
    const openForHash = () => {
      if (window.location.hash.startsWith("#thread-") && window.matchMedia("(max-width: 1023px)").matches) {
        setOpen(true);
        requestAnimationFrame(() => document.getElementById(window.location.hash.slice(1))?.focus());
      }
    };
    openForHash();
    window.addEventListener("hashchange", openForHash);
    return () => window.removeEventListener("hashchange", openForHash);
  }, []);

  useEffect(() => {
    if (isOpen) closeButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [isOpen]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  // "Back to the passage": close the sheet if it covers the article, then focus the highlight itself.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-back-to-passage]") : null;
    const passage = link ? passageOf(link.dataset.backToPassage ?? "") : null;
    if (!link || !passage) return;
    event.preventDefault();
    setOpen(false);
    history.replaceState(null, "", link.hash);
    requestAnimationFrame(() => focusAndReveal(passage));
  };

  return (
    <>
      <div
        onClick={onClick}
        // Full height on wide screens, so the panel inside can stay in view (sticky) beside the whole article.
        className={`lg:h-full ${isOpen ? "fixed inset-x-0 bottom-0 z-40 max-h-[75dvh] overflow-y-auto rounded-t-2xl border-t border-[var(--color-rule)] bg-[var(--color-paper)] p-4 shadow-2xl lg:static lg:max-h-none lg:overflow-visible lg:rounded-none lg:border-0 lg:p-0 lg:shadow-none" : ""}`}
        onKeyDown={(event) => event.key === "Escape" && isOpen && close()}
      >
        {isOpen ? (
          <div className="sticky top-0 -mx-4 -mt-4 mb-2 flex justify-end bg-[var(--color-paper)] px-4 pt-2 lg:hidden">
            <button ref={closeButton} type="button" onClick={close} className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
              {t("close")}
            </button>
          </div>
        ) : null}
        {children}
      </div>
      {!isOpen ? (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-[var(--color-rule)] bg-[var(--color-paper)] px-4 py-2 lg:hidden">
          <button ref={opener} type="button" onClick={() => setOpen(true)} className="min-h-11 w-full rounded-md bg-[var(--color-ink)] px-4 font-medium text-[var(--color-paper)]">
            {t("open", { count })}
          </button>
        </div>
      ) : null}
    </>
  );
}
