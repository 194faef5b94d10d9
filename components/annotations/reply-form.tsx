"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { MentionTextarea } from "@/components/notifications/mention-textarea";
import { Notice } from "@/components/ui/notice";
import { useAnnotationApi } from "./api";
import { SourceFields, sourcesToSend, type SourceDraft } from "./source-fields";
import { useDraft } from "./use-draft";

/** Replies to an annotation or a reply; the draft survives reloads and errors. */
export function ReplyForm({ parentId, onDone, autoFocus = false }: { parentId: string; onDone?: () => void; autoFocus?: boolean }) {
  const router = useRouter();
  const t = useTranslations("annotations.reply");
  const callAnnotationApi = useAnnotationApi();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Opened from a Reply button: the focus goes to the field, so it is never lost.
  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);
  const [draft, setDraft, clearDraft] = useDraft<{ body: string; sources: SourceDraft[] }>(`gloss:reply:${parentId}`, { body: "", sources: [] });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const id = `reply-${parentId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setMessage(null);
    const result = await callAnnotationApi(`/api/annotations/${parentId}/replies`, "POST", { body: draft.body, sources: sourcesToSend(draft.sources) });
    setPending(false);
    if (!result.ok) {
      setErrors(result.failure.fieldErrors);
      setMessage(result.failure.error);
      return;
    }
    clearDraft();
    onDone?.();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2" noValidate>
      {message ? <Notice tone="error">{message}</Notice> : null}
      <label htmlFor={id} className="block text-sm font-medium">
        {t("label")}
      </label>
      <MentionTextarea
        id={id}
        ref={textarea}
        rows={3}
        value={draft.body}
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={errors.body ? `${id}-error` : undefined}
        onValueChange={(body) => setDraft({ ...draft, body })}
        className="block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2"
      />
      {errors.body ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800 dark:text-red-300">
          {errors.body}
        </p>
      ) : null}
      <details>
        <summary className="min-h-6 cursor-pointer text-sm">{t("citeSources")}</summary>
        <div className="mt-2">
          <SourceFields idPrefix={id} sources={draft.sources} onChange={(sources) => setDraft({ ...draft, sources })} errors={errors} />
        </div>
      </details>
      <button type="submit" disabled={isPending} className="min-h-10 rounded-md bg-[var(--color-ink)] px-3 text-sm font-medium text-[var(--color-paper)] disabled:opacity-60">
        {isPending ? t("posting") : t("post")}
      </button>
    </form>
  );
}
