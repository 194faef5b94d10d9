"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** The switch into keyboard selection: focus falls back here when what held it goes away. */
export const KEYBOARD_SELECTION_TOGGLE_ID = "keyboard-selection-toggle";

/** Dispatched on document to end keyboard selection: links inside an editable body cannot take the focus. */
export const LEAVE_KEYBOARD_SELECTION = "gloss:leave-keyboard-selection";

/**
 * Keyboard selection for people who never touch a mouse: the article body
 * becomes caret-navigable (arrow keys move, Shift extends) without becoming
 * editable, because every edit is refused. The selection toolbar then appears
 * as usual; A annotates, H highlights, Escape leaves the mode.
 */
export function KeyboardSelection({ onAnnotate, onHighlight }: { onAnnotate: () => void; onHighlight: () => void }) {
  const t = useTranslations("annotations.keyboard");
  const bodyLabel = t("bodyLabel");
  const [isOn, setOn] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const leave = () => setOn(false);
    document.addEventListener(LEAVE_KEYBOARD_SELECTION, leave);
    return () => document.removeEventListener(LEAVE_KEYBOARD_SELECTION, leave);
  }, []);

  useEffect(() => {
    const body = document.querySelector<HTMLElement>("[data-article-body]");
    if (!body || !isOn) return;
    const refuseEdit = (event: Event) => event.preventDefault();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        setOn(false);
        toggle.current?.focus();
      } else if (!event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "a" || event.key === "A")) {
        event.preventDefault();
        onAnnotate();
      } else if (!event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "h" || event.key === "H")) {
        event.preventDefault();
        onHighlight();
      }
    };
    body.contentEditable = "true";
    body.setAttribute("aria-readonly", "true");
    body.setAttribute("aria-label", bodyLabel);
    body.setAttribute("spellcheck", "false");
    body.addEventListener("beforeinput", refuseEdit);
    body.addEventListener("paste", refuseEdit);
    body.addEventListener("drop", refuseEdit);
    body.addEventListener("keydown", onKeyDown);
    body.focus();
    const selection = window.getSelection();
    const first = body.querySelector("[data-block-start]");
    if (selection && first) selection.collapse(first, 0);
    return () => {
      body.removeAttribute("contenteditable");
      body.removeAttribute("aria-readonly");
      body.removeAttribute("aria-label");
      body.removeAttribute("spellcheck");
      body.removeEventListener("beforeinput", refuseEdit);
      body.removeEventListener("paste", refuseEdit);
      body.removeEventListener("drop", refuseEdit);
      body.removeEventListener("keydown", onKeyDown);
    };
  }, [isOn, onAnnotate, onHighlight, bodyLabel]);

  return (
    <div className="mx-auto max-w-6xl px-4 sm:px-6">
      <button ref={toggle} id={KEYBOARD_SELECTION_TOGGLE_ID} type="button" aria-pressed={isOn} onClick={() => setOn(!isOn)} className="sr-only focus:not-sr-only focus:mt-2 focus:inline-flex focus:min-h-10 focus:items-center focus:rounded-md focus:border focus:border-[var(--color-rule)] focus:px-3 focus:text-sm">
        {isOn ? t("stop") : t("start")}
      </button>
      {isOn ? (
        <p role="status" className="mt-2 rounded-md border border-[var(--color-rule)] px-3 py-2 text-sm">
          {t("help")}
        </p>
      ) : null}
    </div>
  );
}
