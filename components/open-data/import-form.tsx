"use client";

import { useTranslations } from "next-intl";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { usePostJson } from "@/components/auth/post-json";
import { Button } from "@/components/ui/button";

interface ImportReport {
  format: "hypothesis" | "web-annotation";
  imported: number;
  anchored: number;
  orphaned: number;
  replies: number;
  skipped: Array<{ externalId: string | null; reason: string }>;
}

/** A file picker or a text box for the JSON, and the import's counts once it is done. */
export function ImportForm({ slug }: { slug: string }) {
  const t = useTranslations("opendata.import");
  const postJson = usePostJson();
  const [data, setData] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [isPending, setPending] = useState(false);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setData(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await postJson<ImportReport>(`/api/articles/${slug}/import`, { data });
    setPending(false);
    if (result.ok) setReport(result.data);
    else setError(result.failure.error);
  }

  return (
    <>
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            {t("fileLabel")}
          </label>
          <input id="import-file" type="file" accept="application/json,application/ld+json,.json,.jsonld" onChange={readFile} className="mt-1.5 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-solid file:border-[var(--color-rule)] file:bg-transparent file:px-4 file:py-2 file:font-medium file:text-inherit" />
        </div>
        <div>
          <label htmlFor="import-data" className="block text-sm font-medium">
            {t("textLabel")}
          </label>
          <textarea
            id="import-data"
            value={data}
            onChange={(event) => setData(event.target.value)}
            rows={10}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-error" : undefined}
            className="mt-1.5 block w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-3 py-2 font-mono text-sm"
          />
          {error ? (
            <p id="import-error" role="alert" className="mt-1.5 text-sm font-medium text-red-800 dark:text-red-300">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={isPending || data.trim().length === 0}>
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {report ? (
        <section aria-labelledby="import-report" role="status" className="mt-8 rounded-md border border-[var(--color-rule)] p-4">
          <h2 id="import-report" className="text-lg font-semibold">
            {t("reportHeading")}
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
            {(["imported", "anchored", "orphaned", "replies"] as const).map((key) => (
              <div key={key}>
                <dt className="text-sm text-[var(--color-muted)]">{t(`counts.${key}`)}</dt>
                <dd className="text-xl font-semibold" data-testid={`import-${key}`}>
                  {report[key]}
                </dd>
              </div>
            ))}
            <div>
              <dt className="text-sm text-[var(--color-muted)]">{t("counts.skipped")}</dt>
              <dd className="text-xl font-semibold" data-testid="import-skipped">
                {report.skipped.length}
              </dd>
            </div>
          </dl>
          {report.skipped.length > 0 ? (
            <>
              <h3 className="mt-4 font-medium">{t("skippedHeading")}</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {report.skipped.slice(0, 200).map((skip, index) => (
                  <li key={index} className="break-words">
                    {skip.externalId ? <code>{skip.externalId}</code> : t("noId")}: {skip.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-4 text-sm">
            <a href={`/articles/${slug}`} className="underline underline-offset-2">
              {t("viewArticle")}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
