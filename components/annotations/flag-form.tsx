"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { flagReasons, type FlagReasonName } from "@/lib/moderation/flag-reasons";
import { useAnnotationApi } from "./api";

/** Reports an annotation to moderators. The author is never told who flagged it. */
export function FlagForm({ annotationId, onDone }: { annotationId: string; onDone: (message: string) => void }) {
  const id = useId();
  const t = useTranslations("annotations.flag");
  const callAnnotationApi = useAnnotationApi();
  const form = useRef<HTMLFormElement>(null);
  // Opened from the Flag button: focus moves to the first reason, so it is never lost.
  useEffect(() => form.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus(), []);
  const [reason, setReason] = useState<FlagReasonName | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ form?: string; reason?: string; note?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await callAnnotationApi(`/api/annotations/${annotationId}/flags`, "POST", { reason, note });
    setBusy(false);
    if (!result.ok) {
      setErrors({ form: result.failure.error, reason: result.failure.fieldErrors.reason, note: result.failure.fieldErrors.note });
      return;
    }
    onDone(t("thanks"));
  }

  return (
    <form ref={form} onSubmit={submit} className="mt-2 space-y-2 rounded-md border border-[var(--color-rule)] p-3" noValidate>
      <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
        <legend className="text-sm font-medium">{t("legend")}</legend>
        <div className="mt-1 space-y-1">
          {flagReasons.map((value) => (
            <label key={value} className="flex min-h-6 items-start gap-2 text-sm">
              <input type="radio" name={`${id}-reason`} value={value} checked={reason === value} onChange={() => setReason(value)} className="mt-0.5 h-5 w-5" />
              <span>
                <span className="font-medium">{t(`reasons.${value}`)}</span> <span className="text-[var(--color-muted)]">— {t(`hints.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.reason ? (
          <p id={`${id}-reason-error`} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
            {errors.reason}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          {t("noteLabel", { required: String(reason === "OTHER") })}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          className="mt-1 block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2 text-sm"
        />
        {errors.note ? (
          <p id={`${id}-note-error`} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
            {errors.note}
          </p>
        ) : null}
      </div>
      {errors.form && !errors.reason && !errors.note ? (
        <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="min-h-10 rounded-md bg-[var(--color-ink)] px-3 text-sm font-medium text-[var(--color-paper)] disabled:opacity-60">
        {t("send")}
      </button>
    </form>
  );
}
