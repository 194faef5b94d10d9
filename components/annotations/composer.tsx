"use client";

import { useTranslations } from "next-intl";
import { MentionTextarea } from "@/components/notifications/mention-textarea";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { useAnnotationApi } from "./api";
import type { SelectionSelectors } from "./selection";
import { SourceFields, sourcesToSend, type SourceDraft } from "./source-fields";
import { useDraft } from "./use-draft";

interface Draft {
  body: string;
  tags: string;
  visibility: "PUBLIC" | "PRIVATE";
  sources: SourceDraft[];
}

const MAX = 10_000;

/**
 * Writes an annotation on the selected passage, with a live preview, tags,
 * visibility and sources. It takes the focus when it opens; `onClose` gets
 * the new annotation's id when one was posted, so the caller can move focus to it.
 */
export function Composer({ versionId, selection, onClose }: { versionId: string; selection: SelectionSelectors; onClose: (postedId?: string) => void }) {
  const router = useRouter();
  const t = useTranslations("annotations.composer");
  const callAnnotationApi = useAnnotationApi();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`gloss:draft:${versionId}:${selection.start}-${selection.end}`, {
    body: "",
    tags: "",
    visibility: "PUBLIC",
    sources: [],
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState("");
  const [isPending, setPending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => textarea.current?.focus(), []);
  useEffect(() => {
    const timer = window.setTimeout(async () => {
      if (!draft.body.trim() || draft.body.length > MAX) return setPreview("");
      const result = await callAnnotationApi<{ html: string }>("/api/markdown/preview", "POST", { body: draft.body });
      if (result.ok) setPreview(result.data.html);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [draft.body, callAnnotationApi]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setMessage(null);
    const result = await callAnnotationApi<{ id: string }>("/api/annotations", "POST", {
      versionId,
      selectors: selection,
      body: draft.body,
      visibility: draft.visibility,
      tags: draft.tags.split(/[,\s]+/).filter(Boolean),
      sources: sourcesToSend(draft.sources),
      kind: "annotation",
    });
    setPending(false);
    if (!result.ok) {
      setErrors(result.failure.fieldErrors);
      setMessage(result.failure.error);
      return;
    }
    clearDraft();
    router.refresh();
    onClose(result.data.id);
  }

  const bodyError = errors.body;
  return (
    <div role="dialog" aria-modal="false" aria-labelledby="composer-title" className="fixed inset-x-0 bottom-0 z-40 max-h-[85dvh] overflow-y-auto border-t border-[var(--color-rule)] bg-[var(--color-paper)] p-4 shadow-2xl sm:inset-x-auto sm:bottom-4 sm:right-4 sm:w-[28rem] sm:rounded-lg sm:border" onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onClose();
      }}>
      <h2 id="composer-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <blockquote className="mt-2 line-clamp-3 border-l-4 border-[var(--color-highlight-3)] pl-3 font-serif italic">{selection.exact}</blockquote>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        {message ? <Notice tone="error">{message}</Notice> : null}
        <div>
          <label htmlFor="composer-body" className="block text-sm font-medium">
            {t("bodyLabel")}
          </label>
          <MentionTextarea
            id="composer-body"
            ref={textarea}
            rows={5}
            value={draft.body}
            maxLength={MAX + 1000}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`composer-body-help${bodyError ? " composer-body-error" : ""}`}
            onValueChange={(body) => setDraft({ ...draft, body })}
            className="mt-1 block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2 leading-relaxed"
          />
          <p id="composer-body-help" className="mt-1 text-xs text-[var(--color-muted)]">
            {t("markdownHelp")} {t("counter", { count: draft.body.length, max: MAX })}
          </p>
          {bodyError ? (
            <p id="composer-body-error" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
              {bodyError}
            </p>
          ) : null}
        </div>
        {preview ? (
          <section aria-label={t("preview")} className="rounded-md border border-dashed border-[var(--color-rule)] p-2">
            <p className="text-xs font-medium uppercase tracking-wide text-[var(--color-muted)]">{t("preview")}</p>
            {/* Sanitized on the server by the same allow-list as posted annotations. */}
            <div className="annotation-body mt-1" dangerouslySetInnerHTML={{ __html: preview }} />
          </section>
        ) : null}
        <div>
          <label htmlFor="composer-tags" className="block text-sm font-medium">
            {t("tagsLabel")}
          </label>
          <input id="composer-tags" value={draft.tags} onChange={(event) => setDraft({ ...draft, tags: event.target.value })} aria-invalid={errors.tags ? true : undefined} aria-describedby={errors.tags ? "composer-tags-error" : undefined} className="mt-1 block min-h-10 w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-2" placeholder={t("tagsPlaceholder")} />
          {errors.tags ? <p id="composer-tags-error" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">{errors.tags}</p> : null}
        </div>
        <fieldset>
          <legend className="text-sm font-medium">{t("visibility")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {(["PUBLIC", "PRIVATE"] as const).map((value) => (
              <label key={value} className="inline-flex min-h-10 items-center gap-2">
                <input type="radio" name="visibility" value={value} checked={draft.visibility === value} onChange={() => setDraft({ ...draft, visibility: value })} className="h-5 w-5" />
                {value === "PUBLIC" ? t("public") : t("private")}
              </label>
            ))}
          </div>
        </fieldset>
        <SourceFields idPrefix="composer" sources={draft.sources} onChange={(sources) => setDraft({ ...draft, sources })} errors={errors} />
        <div className="flex flex-wrap gap-2 pt-1">
          <button type="submit" disabled={isPending} className="min-h-11 rounded-md bg-[var(--color-ink)] px-4 font-medium text-[var(--color-paper)] disabled:opacity-60">
            {isPending ? t("posting") : t("post")}
          </button>
          <button type="button" onClick={() => onClose()} className="min-h-11 rounded-md border border-[var(--color-rule)] px-4">
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}

