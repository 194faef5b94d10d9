"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { LEAVE_KEYBOARD_SELECTION } from "@/components/annotations/keyboard-selection";
import { lazyComponent } from "@/components/ui/lazy-component";
import { afterKeyboardSelection, focusAndReveal, highlightLinks, isTypingTarget, neighbourHighlight } from "./highlight-navigation";

// Fetched the first time the list is opened, not with every article page.
const ShortcutList = lazyComponent(() => import("./shortcut-list").then((module) => module.ShortcutList));

/**
 * The article page's keys: `?` opens the list of shortcuts (a modal native
 * dialog: focus stays inside, Escape closes it, focus returns to where it was),
 * n/j and p/k move to the next and previous highlight and announce it.
 * Nothing fires while the reader is typing in a field or selecting with the keyboard.
 */
export function ReaderShortcuts() {
  const t = useTranslations("reader");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [wasOpened, setWasOpened] = useState(false);

  // From ? or the button: remembers where the focus was, to return it on close.
  const open = useCallback(() => {
    opener.current = document.activeElement;
    dialog.current?.showModal();
    setWasOpened(true);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      // Another dialog (the discussion sheet on a phone) makes the article behind it inert: nothing to move to there.
      if (dialog.current?.open || document.querySelector('dialog[open], [aria-modal="true"]')) return;
      if (event.key === "?") {
        event.preventDefault();
        open();
        return;
      }
      const direction = event.key === "n" || event.key === "j" ? 1 : event.key === "p" || event.key === "k" ? -1 : 0;
      if (direction === 0) return;
      event.preventDefault();
      const from = document.activeElement;
      document.dispatchEvent(new Event(LEAVE_KEYBOARD_SELECTION));
      afterKeyboardSelection(() => {
        const links = highlightLinks();
        const next = neighbourHighlight(links, from, direction);
        if (!next) return setAnnouncement(t("highlight.noHighlights"));
        focusAndReveal(next);
        setAnnouncement(t("highlight.announce", { index: links.indexOf(next) + 1, total: links.length, label: next.title }));
      });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [t, open]);

  const returnFocus = () => {
    const target = opener.current;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  };

  // A modal dialog already makes the page behind it inert; this keeps Tab cycling inside rather than leaving for the browser's own controls.
  const trapTab = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("button, [href], [tabindex]:not([tabindex='-1'])"));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <>
      {/* For those who cannot press ? (a screen reader in browse mode keeps it): shown when it has the focus, like a skip link. */}
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <button type="button" onClick={open} className="sr-only focus:not-sr-only focus:mt-2 focus:inline-flex focus:min-h-10 focus:items-center focus:rounded-md focus:border focus:border-[var(--color-rule)] focus:px-3 focus:text-sm">
          {t("shortcuts.openButton")}
        </button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        onClose={returnFocus}
        onKeyDown={trapTab}
        className="m-auto max-h-[90dvh] w-[min(36rem,calc(100vw-1rem))] overflow-y-auto rounded-lg border border-[var(--color-rule)] bg-[var(--color-paper)] p-0 text-[var(--color-ink)] shadow-2xl backdrop:bg-black/50"
      >
        <div className="p-4 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id="shortcuts-title" className="text-xl font-semibold">
              {t("shortcuts.title")}
            </h2>
            <form method="dialog">
              <button type="submit" autoFocus className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
                {t("shortcuts.close")}
              </button>
            </form>
          </div>
          <p className="mt-2 text-sm text-[var(--color-muted)]">{t("shortcuts.intro")}</p>
          {wasOpened ? <ShortcutList /> : null}
        </div>
      </dialog>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
