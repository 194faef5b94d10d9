"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import { lazyComponent } from "@/components/ui/lazy-component";
import { actionButton } from "./action-button";

// Fetched when someone first opens a share menu, not with every page of threads.
const ShareChoices = lazyComponent(() => import("./share-choices").then((module) => module.ShareChoices));

/**
 * Sharing an annotation's permalink (see ShareChoices). Opening moves focus to
 * the first choice; Escape closes and returns it to Share.
 */
export function ShareMenu({ annotationId, quote }: { annotationId: string; quote: string }) {
  const t = useTranslations("share");
  const [isOpen, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    opener.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !isOpen) return;
    // Handled here, so an enclosing sheet or form does not close as well.
    event.stopPropagation();
    close();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-1" onKeyDown={onKeyDown}>
      <button ref={opener} type="button" className={actionButton} aria-expanded={isOpen} onClick={() => (isOpen ? close() : setOpen(true))}>
        {t("share")}
      </button>
      {isOpen ? <ShareChoices annotationId={annotationId} quote={quote} /> : null}
    </span>
  );
}
