"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { AnnotationAction, UserAction } from "@/lib/moderation/permissions";
import { usePostModeration } from "./moderation-api";

const SHORTCUTS: Partial<Record<AnnotationAction, string>> = { approve: "a", hide: "h", restore: "r", lock: "l" };
const NEEDS_REASON = new Set<string>(["hide", "lock", "delete", "suspend", "mark_spammer"]);

const button = "min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium hover:bg-[var(--color-rule)]/40 disabled:opacity-60";

/**
 * The decisions a moderator may take on one queue item: exactly the actions
 * the server listed. The reason typed here goes to the author and the log.
 */
export function QueueItemActions({
  annotationId,
  revision,
  actions,
  author,
}: {
  annotationId: string;
  revision: number;
  actions: AnnotationAction[];
  author: { id: string; handle: string; revision: number; actions: UserAction[] } | null;
}) {
  const t = useTranslations("moderation.actions");
  const router = useRouter();
  const postModeration = usePostModeration();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [duration, setDuration] = useState("7d");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  // The reason box is marked invalid only when the problem is the reason itself.
  const [reasonMissing, setReasonMissing] = useState(false);

  async function run(kind: "annotation" | "user", action: string) {
    if (NEEDS_REASON.has(action) && !reason.trim()) {
      setMessage({ tone: "error", text: t("reasonFirst") });
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    if (action === "delete" && !window.confirm(t("confirmDelete"))) return;
    setReasonMissing(false);
    setBusy(true);
    const result =
      kind === "annotation"
        ? await postModeration(`/api/moderation/annotations/${annotationId}`, { action, expectedRevision: revision, reason })
        : await postModeration(`/api/moderation/users/${author!.id}`, { action, expectedRevision: author!.revision, reason, duration });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.failure.fieldErrors.reason ?? result.failure.error });
      setReasonMissing(Boolean(result.failure.fieldErrors.reason));
      // Someone else acted first: show the item as it is now.
      if (result.status === 409) router.refresh();
      return;
    }
    setMessage({ tone: "success", text: t("done") });
    setReason("");
    router.refresh();
  }

  if (actions.length === 0 && (author?.actions.length ?? 0) === 0) {
    return <p className="mt-3 text-sm text-[var(--color-muted)]">{t("cannotAct")}</p>;
  }
  return (
    <div className="mt-4 space-y-3">
      <div>
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          {t("reasonLabel")} <span className="font-normal text-[var(--color-muted)]">{t("reasonHint")}</span>
        </label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          data-reason-field
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={message?.tone === "error" ? `${id}-message` : undefined}
          aria-invalid={reasonMissing || undefined}
          className="mt-1 block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2 text-sm"
        />
      </div>
      {actions.length ? (
        <div role="group" aria-label={t("decide")} className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              disabled={busy}
              data-shortcut={SHORTCUTS[action]}
              aria-keyshortcuts={SHORTCUTS[action]}
              onClick={() => void run("annotation", action)}
              className={`${button} ${action === "delete" ? "border-red-700 text-red-800 dark:border-red-400 dark:text-red-300" : ""}`}
            >
              {t(action)}
              {SHORTCUTS[action] ? <kbd className="ml-2 rounded border border-[var(--color-rule)] px-1 text-xs font-normal">{SHORTCUTS[action]}</kbd> : null}
            </button>
          ))}
        </div>
      ) : null}
      {author && author.actions.length ? (
        <div role="group" aria-label={t("actOnAccount", { handle: author.handle })} className="flex flex-wrap items-end gap-2">
          {author.actions.includes("suspend") ? (
            <>
              <div>
                <label htmlFor={`${id}-duration`} className="block text-sm font-medium">
                  {t("suspendFor", { handle: author.handle })}
                </label>
                <select id={`${id}-duration`} value={duration} onChange={(event) => setDuration(event.target.value)} className="mt-1 min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2 text-sm">
                  <option value="1d">{t("durations.1d")}</option>
                  <option value="7d">{t("durations.7d")}</option>
                  <option value="30d">{t("durations.30d")}</option>
                  <option value="permanent">{t("durations.permanent")}</option>
                </select>
              </div>
              <button type="button" disabled={busy} data-shortcut="s" aria-keyshortcuts="s" onClick={() => void run("user", "suspend")} className={button}>
                {t("suspend")} <kbd className="ml-2 rounded border border-[var(--color-rule)] px-1 text-xs font-normal">s</kbd>
              </button>
            </>
          ) : null}
          {author.actions.includes("lift_suspension") ? (
            <button type="button" disabled={busy} onClick={() => void run("user", "lift_suspension")} className={button}>
              {t("liftSuspension")}
            </button>
          ) : null}
          {author.actions.includes("mark_spammer") ? (
            <button type="button" disabled={busy} onClick={() => void run("user", "mark_spammer")} className={button}>
              {t("markSpammer")}
            </button>
          ) : null}
          {author.actions.includes("unmark_spammer") ? (
            <button type="button" disabled={busy} onClick={() => void run("user", "unmark_spammer")} className={button}>
              {t("unmarkSpammer")}
            </button>
          ) : null}
        </div>
      ) : null}
      <p id={`${id}-message`} role={message?.tone === "error" ? "alert" : "status"} className={`text-sm font-medium ${message?.tone === "error" ? "text-red-800 dark:text-red-300" : ""}`}>
        {message?.text}
      </p>
    </div>
  );
}
