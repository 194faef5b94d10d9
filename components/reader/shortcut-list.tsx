import { useTranslations } from "next-intl";
import { Fragment } from "react";

const KBD = "inline-block min-w-6 rounded border border-[var(--color-rule)] bg-[var(--color-rule)]/30 px-1.5 py-0.5 text-center font-mono text-sm";

/** The documented keys, as a definition list: each row a key (or alternatives) and what it does. */
export function ShortcutList() {
  const t = useTranslations("reader.shortcuts");
  const rows: Array<{ keys: string[]; action: string }> = [
    { keys: ["?"], action: t("help") },
    { keys: ["n", "j"], action: t("next") },
    { keys: ["p", "k"], action: t("previous") },
    { keys: [t("enterKey")], action: t("open") },
    { keys: ["Tab", t("enterKey")], action: t("selectMode") },
    { keys: [t("arrowsKey")], action: t("move") },
    { keys: [t("shiftArrowsKey")], action: t("extend") },
    { keys: ["A"], action: t("annotate") },
    { keys: ["H"], action: t("highlightKey") },
    { keys: [t("escapeKey")], action: t("escape") },
  ];
  return (
    <dl className="mt-4 divide-y divide-[var(--color-rule)] border-y border-[var(--color-rule)]">
      {rows.map((row) => (
        <div key={row.action} className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
          <dt className="flex flex-wrap items-center gap-1">
            {row.keys.map((key, index) => (
              <Fragment key={key}>
                {index > 0 ? <span className="text-sm text-[var(--color-muted)]">{row.keys[0] === "Tab" ? "→" : t("or")}</span> : null}
                <kbd className={KBD}>{key}</kbd>
              </Fragment>
            ))}
          </dt>
          <dd className="text-sm leading-relaxed">{row.action}</dd>
        </div>
      ))}
    </dl>
  );
}
