"use client";

import { useTranslations } from "next-intl";
import { ARTICLE_LANGUAGES } from "@/lib/articles/languages";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { idleState, type ActionState } from "@/lib/actions/action-state";

type Values = Record<"slug" | "title" | "author" | "authorBio" | "source" | "language" | "published" | "lead" | "body", string> & {
  /** The version an edit starts from; the save is refused if another was published since. Empty for a new article. */
  baseVersionId: string;
};

/** Each language named in itself, so an admin finds the article's language whatever the interface's. */
function ownName(language: string): string {
  return new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
}

function TextArea({ id, label, hint, rows, defaultValue, error }: { id: Exclude<keyof Values, "baseVersionId">; label: string; hint?: string; rows: number; defaultValue: string; error?: string }) {
  return (
    <div>
      <label htmlFor={`article-${id}`} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`article-${id}-hint`} className="mt-1 text-sm text-[var(--color-muted)]">
          {hint}
        </p>
      ) : null}
      <textarea
        id={`article-${id}`}
        name={id}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `article-${id}-hint` : "", error ? `article-${id}-error` : ""].join(" ").trim() || undefined}
        className="mt-1.5 block w-full rounded-md border border-[var(--color-field-border)] bg-transparent p-2 font-mono text-sm leading-relaxed"
      />
      {error ? (
        <p id={`article-${id}-error`} className="mt-1.5 text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The admin's article form, for adding an article or publishing a new version of one. */
export function ArticleForm({ action, initial, isNew }: { action: (state: ActionState, data: FormData) => Promise<ActionState>; initial: Values; isNew: boolean }) {
  const t = useTranslations("admin.article");
  const [state, formAction, isPending] = useActionState(action, idleState);
  const values = { ...initial, ...(state.values ?? {}) } as Values;
  const errors = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  // The button is at the foot of a long form: bring what went wrong into view, or it goes unseen on a phone.
  useEffect(() => {
    if (state.status !== "error") return;
    const target = messageRef.current ?? formRef.current?.querySelector<HTMLElement>("[aria-invalid]");
    target?.focus();
    target?.scrollIntoView({ block: "center" });
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="space-y-4" key={JSON.stringify(state.values ?? {})}>
      {state.message ? (
        <div ref={messageRef} tabIndex={-1} className="scroll-mt-24 outline-none">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {isNew ? (
        <TextField id="article-slug" name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={values.slug} error={errors.slug} />
      ) : (
        <>
          <input type="hidden" name="slug" value={values.slug} />
          <input type="hidden" name="baseVersionId" value={values.baseVersionId} />
        </>
      )}
      <TextField id="article-title" name="title" label={t("title")} defaultValue={values.title} error={errors.title} />
      <TextField id="article-author" name="author" label={t("author")} defaultValue={values.author} error={errors.author} />
      <TextField id="article-published" name="published" type="date" label={t("published")} defaultValue={values.published} error={errors.published} />
      <TextField id="article-source" name="source" label={t("source")} defaultValue={values.source} error={errors.source} />
      <div>
        <label htmlFor="article-language" className="block text-sm font-medium">
          {t("language")}
        </label>
        <p id="article-language-hint" className="mt-1 text-sm text-[var(--color-muted)]">
          {t("languageHint")}
        </p>
        <select
          id="article-language"
          name="language"
          defaultValue={values.language || "en"}
          aria-invalid={errors.language ? true : undefined}
          aria-describedby={["article-language-hint", errors.language ? "article-language-error" : ""].join(" ").trim()}
          className="mt-1.5 block min-h-11 w-full rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-3 py-2 text-base sm:w-auto"
        >
          {ARTICLE_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {ownName(language)}
            </option>
          ))}
        </select>
        {errors.language ? (
          <p id="article-language-error" className="mt-1.5 text-sm font-medium text-red-800 dark:text-red-300">
            {errors.language}
          </p>
        ) : null}
      </div>
      <TextArea id="lead" label={t("lead")} rows={3} defaultValue={values.lead} error={errors.lead} />
      <TextArea id="body" label={t("body")} hint={t("bodyHint")} rows={18} defaultValue={values.body} error={errors.body} />
      <TextArea id="authorBio" label={t("authorBio")} rows={3} defaultValue={values.authorBio} error={errors.authorBio} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("publishing") : isNew ? t("add") : t("publish")}
      </Button>
    </form>
  );
}
