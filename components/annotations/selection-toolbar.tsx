"use client";

import { useTranslations } from "next-intl";
import { lazyComponent } from "@/components/ui/lazy-component";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAnnotationApi } from "./api";
import { sharedPassagePath } from "@/lib/anchoring/shared-passage-link";
import { KEYBOARD_SELECTION_TOGGLE_ID, KeyboardSelection } from "./keyboard-selection";
import { focusWhenPresent } from "./focus-when-present";
import { selectorsFromSelection, type SelectionSelectors } from "./selection";

// The composer is fetched when a selection appears, not with the page: most readers never open it.
const loadComposer = () => import("./composer").then((module) => module.Composer);
const Composer = lazyComponent(loadComposer);

const CONFIRMATION_MS = 5000;

/**
 * The small toolbar that appears over a selection in the article: Highlight,
 * Annotate and Copy link. It works for mouse, touch (long-press selection)
 * and keyboard selections alike, because it follows the document's selection.
 */
export function SelectionToolbar({ versionId, slug, signedIn, canPost }: { versionId: string; slug: string; signedIn: boolean; canPost: boolean }) {
  const router = useRouter();
  const t = useTranslations("annotations.toolbar");
  const tComposer = useTranslations("annotations.composer");
  const callAnnotationApi = useAnnotationApi();
  const [selection, setSelection] = useState<SelectionSelectors | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const [composing, setComposing] = useState<SelectionSelectors | null>(null);
  // What the last action did. Confirmations go after a few seconds; a problem, or a link to copy by hand, stays until dismissed.
  const [status, setStatusState] = useState({ text: "", lasting: false });
  const setStatus = (text: string, lasting = false) => setStatusState({ text, lasting });
  useEffect(() => {
    if (!status.text || status.lasting) return;
    const timer = window.setTimeout(() => setStatusState({ text: "", lasting: false }), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  const frame = useRef(0);
  // Where the focus was when the composer opened, to give it back when the composer closes.
  const composerOpener = useRef<Element | null>(null);

  const readSelection = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const body = document.querySelector("[data-article-body]");
      const current = window.getSelection();
      const selectors = body ? selectorsFromSelection(current, body) : null;
      setSelection(selectors);
      if (selectors) void loadComposer();
      if (selectors && current && current.rangeCount > 0) {
        const rect = current.getRangeAt(0).getBoundingClientRect();
        setPosition({ top: Math.max(8, rect.top + window.scrollY - 52), left: Math.min(Math.max(8, rect.left + window.scrollX), window.innerWidth - 300) });
      }
    });
  }, []);

  useEffect(() => {
    document.addEventListener("selectionchange", readSelection);
    // A selection made before the page finished loading still gets its toolbar.
    readSelection();
    document.documentElement.dataset.selectionReady = "true";
    return () => {
      document.removeEventListener("selectionchange", readSelection);
      delete document.documentElement.dataset.selectionReady;
    };
  }, [readSelection]);

  const pendingKey = `gloss:pending-annotation:${versionId}`;

  // Back from signing in: reopen the composer on the same passage; its draft is kept under the same key.
  useEffect(() => {
    if (!signedIn || !canPost) return;
    const pending = window.sessionStorage.getItem(pendingKey);
    if (!pending) return;
    window.sessionStorage.removeItem(pendingKey);
    try {
      // sessionStorage exists only in the browser, after hydration: an effect is the place to read it.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setComposing(JSON.parse(pending) as SelectionSelectors);
    } catch {
      // A damaged entry is simply dropped.
    }
  }, [signedIn, canPost, pendingKey]);

  const requireAccount = (intent?: SelectionSelectors) => {
    if (signedIn && canPost) return true;
    if (intent) window.sessionStorage.setItem(pendingKey, JSON.stringify(intent));
    router.push(signedIn ? "/verify-email" : `/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}`)}`);
    return false;
  };

  async function highlight() {
    if (!selection || !requireAccount()) return;
    const result = await callAnnotationApi("/api/annotations", "POST", { versionId, selectors: selection, kind: "highlight", visibility: "PRIVATE" });
    if (result.ok) setStatus(t("highlighted"));
    else setStatus(result.failure.error, true);
    if (result.ok) {
      window.getSelection()?.removeAllRanges();
      router.refresh();
    }
  }

  // The keyboard mode calls the latest versions of these without re-subscribing its listeners.
  const requireAccountRef = useRef(requireAccount);
  const highlightRef = useRef(highlight);
  useEffect(() => {
    requireAccountRef.current = requireAccount;
    highlightRef.current = highlight;
  });

  async function copyLink() {
    if (!selection) return;
    const url = `${window.location.origin}${sharedPassagePath(slug, selection)}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("linkCopied"));
    } catch {
      setStatus(t("copyThisLink", { url }), true);
    }
  }

  function openComposer(selectors: SelectionSelectors) {
    composerOpener.current = document.activeElement;
    setComposing(selectors);
  }

  function closeComposer(postedId?: string) {
    setComposing(null);
    if (postedId) {
      setStatus(tComposer("posted"));
      // The new thread arrives with the refreshed page; focus follows it there.
      focusWhenPresent(`thread-${postedId}`);
      return;
    }
    const opener = composerOpener.current;
    // The toolbar button that opened the composer is gone with the selection: fall back to the keyboard-selection switch.
    const target = opener instanceof HTMLElement && opener.isConnected && opener !== document.body ? opener : document.getElementById(KEYBOARD_SELECTION_TOGGLE_ID);
    target?.focus();
  }

  const annotateSelection = useCallback(() => {
    const body = document.querySelector("[data-article-body]");
    const current = body ? selectorsFromSelection(window.getSelection(), body) : null;
    if (current && requireAccountRef.current(current)) openComposer(current);
  }, []);
  const highlightSelection = useCallback(() => void highlightRef.current(), []);

  return (
    <>
      <KeyboardSelection onAnnotate={annotateSelection} onHighlight={highlightSelection} />
      {selection && position && !composing ? (
        <div role="toolbar" aria-label={t("label")} className="absolute z-30 flex gap-1 rounded-md bg-[var(--color-ink)] p-1 text-[var(--color-paper)] shadow-lg" style={{ top: position.top, left: position.left }}>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => void highlight()} className="min-h-10 rounded px-3 text-sm font-medium hover:bg-white/15">
            {t("highlight")}
          </button>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => requireAccount(selection) && openComposer(selection)} className="min-h-10 rounded px-3 text-sm font-medium hover:bg-white/15">
            {t("annotate")}
          </button>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => void copyLink()} className="min-h-10 rounded px-3 text-sm font-medium hover:bg-white/15">
            {t("copyLink")}
          </button>
        </div>
      ) : null}
      {composing ? <Composer versionId={versionId} selection={composing} onClose={closeComposer} /> : null}
      {/*
       * Shown, not only announced: a failed Highlight and the link to copy by hand matter to sighted readers too.
       * The live region stays in the page while empty, so its first message is announced. Above the discussion
       * bar of narrow screens, and bottom left where the composer (bottom right) does not cover it;
       * wrap-anywhere keeps a long link inside a 360px screen.
       */}
      <div className={status.text ? "fixed inset-x-3 bottom-20 z-40 flex max-w-md items-start gap-3 rounded-md border border-[var(--color-rule)] bg-[var(--color-paper)] p-3 shadow-lg sm:right-auto sm:left-4 lg:bottom-4" : "sr-only"}>
        <p role="status" aria-live="polite" className="min-w-0 flex-1 text-sm font-medium leading-relaxed wrap-anywhere">
          {status.text}
        </p>
        {status.text ? (
          <button type="button" onClick={() => setStatus("")} className="min-h-10 shrink-0 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
            {t("dismiss")}
          </button>
        ) : null}
      </div>
    </>
  );
}
