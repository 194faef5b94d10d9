"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AnnotationView } from "@/lib/data/annotations/list-article-annotations";
import { callAnnotationApi } from "./api";
import { FlagForm } from "./flag-form";
import { ReplyForm } from "./reply-form";
import { ShareMenu } from "./share-menu";

const button = "min-h-8 rounded px-2 text-sm underline-offset-2 hover:underline";

/** The actions the server says the viewer may take on one item, and nothing else. */
export function AnnotationActions({ item, quote }: { item: AnnotationView; quote: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "edit" | "reply" | "flag">("idle");
  const [status, setStatus] = useState<string | null>(null);
  const [body, setBody] = useState(item.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [helpful, setHelpful] = useState({ count: item.helpfulCount, mine: item.isHelpfulToViewer });

  async function toggleHelpful() {
    const result = await callAnnotationApi<{ isHelpful: boolean; helpfulCount: number }>(`/api/annotations/${item.id}/helpful`, "POST");
    if (result.ok) setHelpful({ count: result.data.helpfulCount, mine: result.data.isHelpful });
    else setError(result.failure.error);
  }

  async function remove() {
    if (!window.confirm("Delete this? It can't be undone.")) return;
    const result = await callAnnotationApi(`/api/annotations/${item.id}`, "DELETE");
    if (result.ok) router.refresh();
    else setError(result.failure.error);
  }

  async function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await callAnnotationApi(`/api/annotations/${item.id}`, "PATCH", { body });
    if (!result.ok) return setError(result.failure.fieldErrors.body ?? result.failure.error);
    setError(null);
    setMode("idle");
    router.refresh();
  }

  const isShareable = !item.isDeleted && !item.isPrivate;
  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center gap-1">
        {item.can.vote ? (
          <button type="button" aria-pressed={helpful.mine} onClick={() => void toggleHelpful()} className={`${button} border border-[var(--color-rule)] no-underline`}>
            {helpful.mine ? "★ Helpful" : "☆ Helpful"} · {helpful.count}
          </button>
        ) : helpful.count > 0 ? (
          <span className="px-2 text-sm text-[var(--color-muted)]">
            {helpful.count} found this helpful
          </span>
        ) : null}
        {item.can.reply && item.parentId ? (
          <button type="button" onClick={() => setMode(mode === "reply" ? "idle" : "reply")} className={button} aria-expanded={mode === "reply"}>
            Reply
          </button>
        ) : null}
        {item.can.edit ? (
          <button type="button" onClick={() => setMode(mode === "edit" ? "idle" : "edit")} className={button} aria-expanded={mode === "edit"}>
            Edit
          </button>
        ) : null}
        {item.can.delete ? (
          <button type="button" onClick={() => void remove()} className={button}>
            Delete
          </button>
        ) : null}
        {isShareable ? <ShareMenu annotationId={item.id} quote={quote} /> : null}
        {item.can.flag ? (
          <button type="button" onClick={() => setMode(mode === "flag" ? "idle" : "flag")} className={button} aria-expanded={mode === "flag"}>
            Flag
          </button>
        ) : null}
        {item.can.moderate ? (
          <a href={`/moderation?annotation=${item.id}`} className={`${button} inline-flex items-center`}>
            Moderate
          </a>
        ) : null}
      </div>
      {status ? (
        <p role="status" className="mt-1 text-sm">
          {status}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {mode === "edit" ? (
        <form onSubmit={saveEdit} className="mt-2 space-y-2">
          <label htmlFor={`edit-${item.id}`} className="block text-sm font-medium">
            Edit your text
          </label>
          <textarea id={`edit-${item.id}`} rows={4} value={body} onChange={(event) => setBody(event.target.value)} className="block w-full rounded-md border border-[var(--color-rule)] bg-transparent p-2" />
          <div className="flex gap-2">
            <button type="submit" className="min-h-10 rounded-md bg-[var(--color-ink)] px-3 text-sm font-medium text-[var(--color-paper)]">
              Save
            </button>
            <button type="button" onClick={() => setMode("idle")} className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm">
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {mode === "reply" ? <ReplyForm parentId={item.id} onDone={() => setMode("idle")} /> : null}
      {mode === "flag" ? (
        <FlagForm
          annotationId={item.id}
          onDone={(message) => {
            setMode("idle");
            setStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}
