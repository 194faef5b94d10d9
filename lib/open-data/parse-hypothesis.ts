import { z } from "zod";
import type { ImportRow, SkippedRow } from "./import-rows";

const selectorSchema = z.looseObject({ type: z.string() });

/** A row of the Hypothesis API (search results or an export), reading only what Gloss can keep. */
export const hypothesisRowSchema = z.looseObject({
  id: z.string().min(1).max(200),
  created: z.string().optional(),
  updated: z.string().optional(),
  user: z.string().max(300).optional(),
  user_info: z.looseObject({ display_name: z.string().max(200).nullish() }).nullish(),
  text: z.string().default(""),
  tags: z.array(z.string()).default([]),
  references: z.array(z.string()).default([]),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(selectorSchema).optional() })).default([]),
  permissions: z.looseObject({ read: z.array(z.string()).optional() }).optional(),
  hidden: z.boolean().optional(),
});

/** `acct:alice@hypothes.is` → alice at hypothes.is; anything else is kept whole as the name. */
export function parseAccount(user: string | undefined): { name: string; domain: string } | null {
  if (!user) return null;
  const match = /^acct:([^@]+)@(.+)$/.exec(user.trim());
  return match ? { name: match[1]!, domain: match[2]! } : { name: user.trim(), domain: "unknown" };
}

export function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function stringField(selector: Record<string, unknown>, key: string): string {
  const value = selector[key];
  return typeof value === "string" ? value : "";
}

function numberField(selector: Record<string, unknown>, key: string): number | null {
  const value = selector[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The quote and position among a target's selectors. RangeSelectors (XPath
 * into Hypothesis's view of the page's DOM) mean nothing in Gloss's text and
 * are ignored; the quote with its context is what anchors.
 */
export function readSelectors(selectors: ReadonlyArray<Record<string, unknown>>): Pick<ImportRow, "quote" | "position"> {
  let quote: ImportRow["quote"] = null;
  let position: ImportRow["position"] = null;
  for (const selector of selectors) {
    if (selector.type === "TextQuoteSelector" && stringField(selector, "exact")) {
      quote = { exact: stringField(selector, "exact"), prefix: stringField(selector, "prefix"), suffix: stringField(selector, "suffix") };
    }
    if (selector.type === "TextPositionSelector") {
      const start = numberField(selector, "start");
      const end = numberField(selector, "end");
      if (start !== null && end !== null && end > start) position = { start, end };
    }
  }
  return { quote, position };
}

/** Only what Hypothesis shows to everyone is imported: Gloss publishes it. */
function isWorldReadable(row: z.infer<typeof hypothesisRowSchema>): boolean {
  const read = row.permissions?.read;
  return read === undefined || read.includes("group:__world__");
}

/** Hypothesis rows → import rows, with a reason for each row left out. */
export function parseHypothesisRows(raw: readonly unknown[]): { rows: ImportRow[]; skipped: SkippedRow[] } {
  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const item of raw) {
    const parsed = hypothesisRowSchema.safeParse(item);
    if (!parsed.success) {
      const id = item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : null;
      skipped.push({ externalId: id, reason: "notHypothesis" });
      continue;
    }
    const row = parsed.data;
    if (!isWorldReadable(row)) {
      skipped.push({ externalId: row.id, reason: "privateInHypothesis" });
      continue;
    }
    if (row.hidden) {
      skipped.push({ externalId: row.id, reason: "hiddenInHypothesis" });
      continue;
    }
    const account = parseAccount(row.user);
    rows.push({
      externalId: row.id,
      user: account ? { ...account, displayName: row.user_info?.display_name ?? null } : null,
      text: row.text,
      tags: row.tags,
      parentExternalId: row.references.at(-1) ?? null,
      created: parseDate(row.created),
      modified: parseDate(row.updated),
      ...readSelectors(row.target.flatMap((target) => target.selector ?? [])),
      sources: [],
    });
  }
  return { rows, skipped };
}
