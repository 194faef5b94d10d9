import type { Stance, Visibility } from "@/lib/generated/prisma/enums";

/**
 * An annotation as it leaves Gloss (exports, the public API, feeds): plain
 * data, already filtered for whoever asked. Replies carry `parentId` and no quote.
 */
export interface OpenAnnotation {
  id: string;
  articleSlug: string;
  parentId: string | null;
  rootId: string | null;
  /** Null once the author deleted their account. */
  author: { handle: string; name: string } | null;
  visibility: Visibility;
  /** Markdown as written; null for a plain highlight. */
  body: string | null;
  tags: string[];
  /** TextQuoteSelector of a root; null on replies. */
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** TextPositionSelector of a root in code points of the article's current text; null when it has no place there (orphaned). */
  position: { start: number; end: number } | null;
  sources: Array<{ url: string; title: string | null; stance: Stance }>;
  createdAt: Date;
  /** The last edit, or the creation time. */
  modifiedAt: Date;
}

/** Where exported items point: the site's origin and the article's address. */
export interface ExportContext {
  siteUrl: string;
  articleUrl: string;
}
