"use client";

import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Triage from the keyboard: j and k move between queue items; a, h, r, l and
 * s press Approve, Hide, Restore, Lock and Suspend on the item that has the
 * focus (j/k or Tab puts it there). An action that needs a reason puts the
 * cursor in the reason box first.
 */
export function QueueShortcuts() {
  useEffect(() => {
    function items(): HTMLElement[] {
      return Array.from(document.querySelectorAll<HTMLElement>("[data-queue-item]"));
    }
    function current(): HTMLElement | null {
      const active = document.activeElement;
      return active instanceof HTMLElement ? active.closest<HTMLElement>("[data-queue-item]") : null;
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const list = items();
      if (list.length === 0) return;
      const here = current();
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const index = here ? list.indexOf(here) : -1;
        const next = event.key === "j" ? list[Math.min(index + 1, list.length - 1)] : list[Math.max(index - 1, 0)];
        next?.focus();
        next?.scrollIntoView({ block: "start", behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
        return;
      }
      // A single letter decides only for the item that has the focus: pressed anywhere else on the page
      // it must not approve or restore whatever happens to be first in the queue.
      if (!here) return;
      const target = here.querySelector<HTMLButtonElement>(`button[data-shortcut="${CSS.escape(event.key)}"]`);
      if (!target || target.disabled) return;
      event.preventDefault();
      const reason = here.querySelector<HTMLTextAreaElement>("[data-reason-field]");
      if (["h", "l", "s"].includes(event.key) && reason && !reason.value.trim()) {
        reason.focus();
        return;
      }
      target.click();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
