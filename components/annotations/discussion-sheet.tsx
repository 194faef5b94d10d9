"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import { focusAndReveal, passageOf } from "@/components/reader/highlight-navigation";

/** Below Tailwind's lg the discussion is a sheet over the article; from lg up, a column beside it. */
const NARROW = "(max-width: 1023px)";

/** The panel's heading (thread-panel.tsx) names the sheet when it is a dialog. */
const TITLE_ID = "discussion-title";

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
const isNarrowNow = () => window.matchMedia(NARROW).matches;
// The server renders the column; the sheet exists only once JavaScript runs.
const isNarrowOnServer = () => false;

/**
 * Makes the whole page inert except `keep` and their ancestors: no focus, no
 * clicks, nothing for screen readers. Returns the undo, which touches only the
 * elements it changed.
 */
function makeRestInert(keep: readonly HTMLElement[]): () => void {
  const onPath = new Set<Element>();
  for (const element of keep) for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) onPath.add(node);
  const changed: HTMLElement[] = [];
  for (const node of onPath) {
    for (const sibling of Array.from(node.parentElement?.children ?? [])) {
      if (onPath.has(sibling) || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      changed.push(sibling);
    }
  }
  return () => changed.forEach((element) => (element.inert = false));
}

/** Focuses the thread a followed link asked for, once. */
function focusPendingThread(pending: { current: string | null }): void {
  const id = pending.current;
  pending.current = null;
  if (id) document.getElementById(id)?.focus();
}

/**
 * On narrow screens the discussion opens as a bottom sheet over the article,
 * from a bar at the bottom or by following a highlight to its thread. Open, it
 * is a modal dialog: the page behind is inert, Escape or the backdrop closes
 * it, and the focus goes back to what opened it. Without JavaScript, or on
 * wide screens, it stays where it is in the page and is not modal.
 */
export function DiscussionSheet({ count, children }: { count: number; children: ReactNode }) {
  const t = useTranslations("annotations.discussion");
  const [isOpen, setOpen] = useState(false);
  const isNarrow = useSyncExternalStore(subscribeToWidth, isNarrowNow, isNarrowOnServer);
  // Opened on a phone and then widened (a rotated tablet), the sheet is the column again, and not modal.
  const isOverlay = isOpen && isNarrow;
  const sheet = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // The highlight link that opened the sheet, if one did; else the focus goes back to the bar.
  const openedFrom = useRef<HTMLElement | null>(null);
  // Set when the reader closes the sheet: the bar button is back only after the render, so focus moves to it then.
  const returnFocus = useRef(false);
  // The thread a followed link asked for. Focused by whichever comes first, the next frame or the sheet's opening.
  const pendingThread = useRef<string | null>(null);

  useEffect(() => {
    const openForHash = () => {
      if (window.location.hash.startsWith("#thread-") && window.matchMedia(NARROW).matches) {
        const from = document.activeElement;
        if (from instanceof HTMLElement && from !== document.body && !sheet.current?.contains(from)) openedFrom.current = from;
        pendingThread.current = window.location.hash.slice(1);
        setOpen(true);
        requestAnimationFrame(() => focusPendingThread(pendingThread));
      }
    };
    openForHash();
    window.addEventListener("hashchange", openForHash);
    return () => window.removeEventListener("hashchange", openForHash);
  }, []);

  // Declared before the focus effect, so the page is live again by the time the focus goes back to it.
  useEffect(() => {
    if (!isOverlay || !sheet.current || !backdrop.current) return;
    return makeRestInert([sheet.current, backdrop.current]);
  }, [isOverlay]);

  useEffect(() => {
    if (isOverlay) {
      if (pendingThread.current) focusPendingThread(pendingThread);
      else if (!sheet.current?.contains(document.activeElement)) closeButton.current?.focus();
      return;
    }
    if (!returnFocus.current) return;
    returnFocus.current = false;
    const from = openedFrom.current;
    openedFrom.current = null;
    (from?.isConnected ? from : opener.current)?.focus();
  }, [isOverlay]);

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
    openedFrom.current = null;
    setOpen(false);
    history.replaceState(null, "", link.hash);
    requestAnimationFrame(() => focusAndReveal(passage));
  };

  return (
    <>
      {isOverlay ? <div ref={backdrop} aria-hidden="true" onClick={close} className="fixed inset-0 z-30 bg-black/40 lg:hidden" /> : null}
      <div
        ref={sheet}
        role={isOverlay ? "dialog" : undefined}
        aria-modal={isOverlay ? true : undefined}
        aria-labelledby={isOverlay ? TITLE_ID : undefined}
        onClick={onClick}
        // Full height on wide screens, so the panel inside can stay in view (sticky) beside the whole article.
        className={`lg:h-full ${isOverlay ? "fixed inset-x-0 bottom-0 z-40 max-h-[75dvh] overflow-y-auto rounded-t-2xl border-t border-[var(--color-rule)] bg-[var(--color-paper)] p-4 shadow-2xl" : ""}`}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !isOverlay) return;
          // Handled here, so nothing further up closes as well.
          event.stopPropagation();
          close();
        }}
      >
        {isOverlay ? (
          <div className="sticky top-0 -mx-4 -mt-4 mb-2 flex justify-end bg-[var(--color-paper)] px-4 pt-2">
            <button ref={closeButton} type="button" onClick={close} className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
              {t("close")}
            </button>
          </div>
        ) : null}
        {children}
      </div>
      {!isOpen ? (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-[var(--color-rule)] bg-[var(--color-paper)] px-4 py-2 lg:hidden">
          <button
            ref={opener}
            type="button"
            onClick={() => {
              openedFrom.current = null;
              setOpen(true);
            }}
            className="min-h-11 w-full rounded-md bg-[var(--color-ink)] px-4 font-medium text-[var(--color-paper)]"
          >
            {t("open", { count })}
          </button>
        </div>
      ) : null}
    </>
  );
}
