import { BODY_MAX_LENGTH, MAX_SOURCES, MAX_TAGS, sourceSchema } from "@/lib/validation/annotations";
import type { ImportRow, ImportSkipReason, SkippedRow } from "./import-rows";

const TAG = /^[\p{L}\p{N}_-]{1,40}$/u;

/** Hypothesis tags are free text ("climate policy"); Gloss tags are single words, so spaces become dashes and the rest is dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const normalized = tags.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-")).filter((tag) => TAG.test(tag));
  return [...new Set(normalized)].slice(0, MAX_TAGS);
}

/** Sources pass the same checks as the composer's (http(s) only, normalised); invalid ones and repeats are dropped. */
function validSources(sources: ImportRow["sources"]): ImportRow["sources"] {
  const seen = new Set<string>();
  return sources.flatMap((source) => {
    const parsed = sourceSchema.safeParse({ url: source.url, title: source.title ?? undefined, stance: source.stance });
    if (!parsed.success || seen.has(parsed.data.url)) return [];
    seen.add(parsed.data.url);
    return [{ url: parsed.data.url, title: parsed.data.title ?? null, stance: parsed.data.stance }];
  }).slice(0, MAX_SOURCES);
}

export interface ImportPlan {
  /** Roots first, then replies, each after its parent. */
  ordered: ImportRow[];
  skipped: SkippedRow[];
}

/**
 * Decides what an import keeps and in which order. Gloss annotations need a
 * quoted passage and a note; replies need their parent in the same import,
 * so threads keep their shape.
 */
export function planImport(rows: readonly ImportRow[], alreadySkipped: readonly SkippedRow[] = []): ImportPlan {
  const skipped = [...alreadySkipped];
  const candidates = new Map<string, ImportRow>();
  for (const row of rows) {
    const text = row.text.trim();
    const reason: ImportSkipReason | null = candidates.has(row.externalId)
      ? "duplicateId"
      : text.length === 0
        ? row.parentExternalId ? "emptyReply" : "noText"
        : text.length > BODY_MAX_LENGTH
          ? "textTooLong"
          : !row.parentExternalId && !row.quote
            ? "pageNote"
            : null;
    if (reason) skipped.push({ externalId: row.externalId, reason });
    else candidates.set(row.externalId, { ...row, text, tags: normalizeTags(row.tags), sources: validSources(row.sources) });
  }

  // A reply is kept when its whole chain of parents is kept; chains that loop are not.
  const depth = new Map<string, number | null>();
  const depthOf = (row: ImportRow, seen: Set<string>): number | null => {
    if (depth.has(row.externalId)) return depth.get(row.externalId)!;
    if (!row.parentExternalId) return 0;
    const parent = candidates.get(row.parentExternalId);
    if (!parent || seen.has(parent.externalId)) return null;
    seen.add(row.externalId);
    const parentDepth = depthOf(parent, seen);
    const result = parentDepth === null ? null : parentDepth + 1;
    depth.set(row.externalId, result);
    return result;
  };
  const kept: Array<{ row: ImportRow; depth: number }> = [];
  for (const row of candidates.values()) {
    const rowDepth = depthOf(row, new Set());
    if (rowDepth === null) skipped.push({ externalId: row.externalId, reason: "orphanReply" });
    else kept.push({ row, depth: rowDepth });
  }
  kept.sort((a, b) => a.depth - b.depth);
  return { ordered: kept.map((entry) => entry.row), skipped };
}
