"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { lazyComponent } from "@/components/ui/lazy-component";
import { actionButton as button } from "./action-button";
import type { ActionableAnnotation } from "./actionable";
import { useAnnotationApi } from "./api";
import { focusWhenPresent } from "./focus-when-present";
import { LazyReplyForm } from "./lazy-reply-form";
import { ShareMenu } from "./share-menu";

// Fetched when someone opens it, not with every page of threads (a reader who is not signed in never does).
const FlagForm = lazyComponent(() => import("./flag-form").then((module) => module.FlagForm));

type Mode = "idle" | "edit" | "reply" | "flag";

/**
 * The actions the server says the viewer may take on one item, and nothing else.
 * A form opened here takes the focus; Escape or Cancel closes it and gives the
 * focus back to the button that opened it.
 */
export function AnnotationActions({ item, quote }: { item: ActionableAnnotation; quote: string }) {
  const router = useRouter();
  const t = useTranslations("annotations.actions");
  const format = useFormatter();
  const callAnnotationApi = useAnnotationApi();
  const [mode, setMode] = useState<Mode>("idle");
  const [status, setStatus] = useState<string | null>(null);
  const [body, setBody] = useState(item.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [helpful, setHelpful] = useState({ count: item.helpfulCount, mine: item.isHelpfulToViewer });
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const flagButton = useRef<HTMLButtonElement>(null);
  const editField = useRef<HTMLTextAreaElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (mode === "edit") editField.current?.focus();
  }, [mode]);

  function close(from: Mode) {
    setMode("idle");
    ({ reply: replyButton, edit: editButton, flag: flagButton, idle: null })[from]?.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || mode === "idle") return;
    event.stopPropagation();
    close(mode);
  }

  async function toggleHelpful() {
    const result = await callAnnotationApi<{ isHelpful: boolean; helpfulCount: number }>(`/api/annotations/${item.id}/helpful`, "POST");
    if (result.ok) setHelpful({ count: result.data.helpfulCount, mine: result.data.isHelpful });
    else setError(result.failure.error);
  }

  async function remove() {
    if (!window.confirm(t("confirmDelete"))) return;
    // The deleted item's buttons go with it: the focus moves to its thread rather than being dropped.
    const threadId = container.current?.closest("article[id^='thread-']")?.id;
    const result = await callAnnotationApi(`/api/annotations/${item.id}`, "DELETE");
    if (!result.ok) return setError(result.failure.error);
    router.refresh();
    if (threadId) focusWhenPresent(threadId);
  }

  async function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await callAnnotationApi(`/api/annotations/${item.id}`, "PATCH", { body });
    if (!result.ok) return setError(result.failure.fieldErrors.body ?? result.failure.error);
    setError(null);
    close("edit");
    router.refresh();
  }

  const toggle = (next: Exclude<Mode, "idle">) => (mode === next ? close(next) : setMode(next));
  const isShareable = !item.isDeleted && !item.isPrivate;
  return (
    <div ref={container} className="mt-2" onKeyDown={onKeyDown}>
      <div className="flex flex-wrap items-center gap-1">
        {item.can.vote ? (
          <button type="button" aria-pressed={helpful.mine} onClick={() => void toggleHelpful()} className={`${button} border border-[var(--color-rule)] no-underline`}>
            <span aria-hidden="true">{helpful.mine ? "★" : "☆"} </span>
            {t("helpful")} · {format.number(helpful.count)}
          </button>
        ) : helpful.count > 0 ? (
          <span className="px-2 text-sm text-[var(--color-muted)]">{t("foundHelpful", { count: helpful.count })}</span>
        ) : null}
        {item.can.reply && item.parentId ? (
          <button ref={replyButton} type="button" onClick={() => toggle("reply")} className={button} aria-expanded={mode === "reply"}>
            {t("reply")}
          </button>
        ) : null}
        {item.can.edit ? (
          <button ref={editButton} type="button" onClick={() => toggle("edit")} className={button} aria-expanded={mode === "edit"}>
            {t("edit")}
          </button>
        ) : null}
        {item.can.delete ? (
          <button type="button" onClick={() => void remove()} className={button}>
            {t("delete")}
          </button>
        ) : null}
        {isShareable ? <ShareMenu annotationId={item.id} quote={quote} /> : null}
        {item.can.flag ? (
          <button ref={flagButton} type="button" onClick={() => toggle("flag")} className={button} aria-expanded={mode === "flag"}>
            {t("flag")}
          </button>
        ) : null}
        {item.can.moderate ? (
          <a href={`/moderation?annotation=${item.id}`} className={`${button} inline-flex items-center`}>
            {t("moderate")}
          </a>
        ) : null}
      </div>
      {status ? (
        <p role="status" className="mt-1 text-sm">
          {status}
        </p>
      ) : null}
      {error ? (
        <p id={`edit-${item.id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {mode === "edit" ? (
        <form onSubmit={saveEdit} className="mt-2 space-y-2">
          <label htmlFor={`edit-${item.id}`} className="block text-sm font-medium">
            {t("editLabel")}
          </label>
          <textarea ref={editField} id={`edit-${item.id}`} aria-invalid={error ? true : undefined} aria-describedby={error ? `edit-${item.id}-error` : undefined} rows={4} value={body} onChange={(event) => setBody(event.target.value)} className="block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2" />
          <div className="flex gap-2">
            <button type="submit" className="min-h-10 rounded-md bg-[var(--color-ink)] px-3 text-sm font-medium text-[var(--color-paper)]">
              {t("save")}
            </button>
            <button type="button" onClick={() => close("edit")} className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm">
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
      {mode === "reply" ? <LazyReplyForm parentId={item.id} autoFocus onDone={() => close("reply")} /> : null}
      {mode === "flag" ? (
        <FlagForm
          annotationId={item.id}
          onDone={(message) => {
            close("flag");
            setStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}
