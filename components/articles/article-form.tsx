"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { idleState, type ActionState } from "@/lib/actions/action-state";

type Values = Record<"slug" | "title" | "author" | "authorBio" | "source" | "published" | "lead" | "body", string>;

function TextArea({ id, label, hint, rows, defaultValue, error }: { id: keyof Values; label: string; hint?: string; rows: number; defaultValue: string; error?: string }) {
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
        className="mt-1.5 block w-full rounded-md border border-[var(--color-rule)] bg-transparent p-2 font-mono text-sm leading-relaxed"
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
  const [state, formAction, isPending] = useActionState(action, idleState);
  const values = { ...initial, ...(state.values ?? {}) } as Values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" key={JSON.stringify(state.values ?? {})}>
      {state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {isNew ? (
        <TextField id="article-slug" name="slug" label="Address" hint="The article will live at /articles/<address>." defaultValue={values.slug} error={errors.slug} />
      ) : (
        <input type="hidden" name="slug" value={values.slug} />
      )}
      <TextField id="article-title" name="title" label="Title" defaultValue={values.title} error={errors.title} />
      <TextField id="article-author" name="author" label="Author" defaultValue={values.author} error={errors.author} />
      <TextField id="article-published" name="published" type="date" label="Published" defaultValue={values.published} error={errors.published} />
      <TextField id="article-source" name="source" label="Source (optional)" defaultValue={values.source} error={errors.source} />
      <TextArea id="lead" label="Lead (optional)" rows={3} defaultValue={values.lead} error={errors.lead} />
      <TextArea id="body" label="Body" hint="Markdown: a blank line between paragraphs, ## before a heading." rows={18} defaultValue={values.body} error={errors.body} />
      <TextArea id="authorBio" label="About the author (optional)" rows={3} defaultValue={values.authorBio} error={errors.authorBio} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Publishing…" : isNew ? "Add article" : "Publish new version"}
      </Button>
    </form>
  );
}
