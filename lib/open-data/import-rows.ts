import type { Stance } from "@/lib/generated/prisma/enums";

/**
 * One annotation read from an import file, whatever its format: the
 * Hypothesis API's rows and our own W3C export both become this.
 */
export interface ImportRow {
  /** The id in the source system, which replies' references point at. */
  externalId: string;
  /** The original author, e.g. `acct:alice@hypothes.is` → { name: "alice", domain: "hypothes.is" }. */
  user: { name: string; domain: string; displayName: string | null } | null;
  text: string;
  tags: string[];
  /** The annotation this one replies to; null for a root. */
  parentExternalId: string | null;
  created: Date | null;
  /** The last edit as the source recorded it; null when never edited or unknown. */
  modified: Date | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  sources: Array<{ url: string; title: string | null; stance: Stance }>;
}

/** Why a row was left out: a code of the "opendata.importErrors" messages. */
export type ImportSkipReason =
  | "notHypothesis"
  | "privateInHypothesis"
  | "hiddenInHypothesis"
  | "notWebAnnotation"
  | "duplicateId"
  | "emptyReply"
  | "noText"
  | "textTooLong"
  | "pageNote"
  | "orphanReply"
  | "alreadyImported"
  | "alreadyHere"
  | "removedHere";

export interface SkippedRow {
  externalId: string | null;
  reason: ImportSkipReason;
}

export interface ParsedImport {
  format: "hypothesis" | "web-annotation";
  rows: ImportRow[];
  skipped: SkippedRow[];
}

/** The most rows one import takes: a large Hypothesis export of one page stays well below it. */
export const MAX_IMPORT_ROWS = 5_000;
