"use client";

import { useTranslations } from "next-intl";

export interface SourceDraft {
  url: string;
  title: string;
  stance: "SUPPORTS" | "DISPUTES" | "CONTEXT";
}

export const emptySource = (): SourceDraft => ({ url: "", title: "", stance: "SUPPORTS" });

/** Repeatable source rows: address, optional title and stance, each with its own error. */
export function SourceFields({
  idPrefix,
  sources,
  onChange,
  errors,
}: {
  idPrefix: string;
  sources: SourceDraft[];
  onChange: (sources: SourceDraft[]) => void;
  errors: Partial<Record<string, string>>;
}) {
  const t = useTranslations("annotations.sources");
  const update = (index: number, patch: Partial<SourceDraft>) => onChange(sources.map((source, at) => (at === index ? { ...source, ...patch } : source)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t("legend")}</legend>
      {sources.map((source, index) => {
        const urlError = errors[`sources.${index}.url`];
        return (
          <div key={index} className="space-y-2 rounded-md border border-[var(--color-rule)] p-3">
            <label className="block text-sm" htmlFor={`${idPrefix}-source-${index}-url`}>
              {t("address", { number: index + 1 })}
            </label>
            <input
              id={`${idPrefix}-source-${index}-url`}
              type="url"
              inputMode="url"
              value={source.url}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? `${idPrefix}-source-${index}-error` : undefined}
              onChange={(event) => update(index, { url: event.target.value })}
              className="block min-h-10 w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-2"
              placeholder="https://"
            />
            {urlError ? (
              <p id={`${idPrefix}-source-${index}-error`} className="text-sm font-medium text-red-800 dark:text-red-300">
                {urlError}
              </p>
            ) : null}
            <label className="block text-sm" htmlFor={`${idPrefix}-source-${index}-title`}>
              {t("title")}
            </label>
            <input
              id={`${idPrefix}-source-${index}-title`}
              value={source.title}
              onChange={(event) => update(index, { title: event.target.value })}
              className="block min-h-10 w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-2"
            />
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <label className="block text-sm" htmlFor={`${idPrefix}-source-${index}-stance`}>
                  {t("stance")}
                </label>
                <select
                  id={`${idPrefix}-source-${index}-stance`}
                  value={source.stance}
                  onChange={(event) => update(index, { stance: event.target.value as SourceDraft["stance"] })}
                  className="min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2"
                >
                  <option value="SUPPORTS">{t("SUPPORTS")}</option>
                  <option value="DISPUTES">{t("DISPUTES")}</option>
                  <option value="CONTEXT">{t("CONTEXT")}</option>
                </select>
              </div>
              <button type="button" onClick={() => onChange(sources.filter((_, at) => at !== index))} className="min-h-10 rounded-md px-2 text-sm underline">
                {t("remove", { number: index + 1 })}
              </button>
            </div>
          </div>
        );
      })}
      {sources.length < 10 ? (
        <button type="button" onClick={() => onChange([...sources, emptySource()])} className="min-h-10 rounded-md border border-[var(--color-rule)] px-3 text-sm font-medium">
          {t("add")}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Drops untouched rows before sending. */
export function sourcesToSend(sources: SourceDraft[]) {
  return sources.filter((source) => source.url.trim() || source.title.trim()).map((source) => ({ ...source, title: source.title || undefined }));
}
