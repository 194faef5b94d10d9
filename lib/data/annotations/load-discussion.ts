import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlacedHighlight } from "@/lib/highlights/segments";
import type { ThreadSort } from "@/lib/threads/build-thread";
import { listArticleAnnotations, type ThreadView } from "./list-article-annotations";
import { listOrphanedThreadIds, listPlacedHighlights, listThreadIdsByPosition } from "./list-highlights";
import { visibleAnnotationsWhere } from "./scope";
import type { DiscussionFilters } from "@/lib/validation/discussion-filters";
import { filterRootsWhere } from "./filter-roots";

/** Threads the panel shows at first; "Show more" adds this many each time. */
export const THREADS_PER_PAGE = 25;
/** Orphans are listed at the end, oldest first: this many at first, and this many more each time. */
export const ORPHANS_PER_PAGE = 50;

export interface DiscussionPage {
  /** Threads placed in the version, in the chosen order: the first `limit`, plus the focused one wherever it falls. */
  threads: ThreadView[];
  /** Threads whose passage is not in this version: the oldest `orphanLimit`, plus the focused one. */
  orphaned: ThreadView[];
  /** How many threads are orphaned in this version in all. */
  orphanedTotal: number;
  /** How many threads are placed in the version in all. */
  total: number;
  /** Where each visible thread sits, for shading the article. Four columns each, never a body. */
  highlights: PlacedHighlight[];
}

function orderFor(sort: Exclude<ThreadSort, "position">): Prisma.AnnotationOrderByWithRelationInput[] {
  switch (sort) {
    case "newest":
      return [{ createdAt: "desc" }, { id: "asc" }];
    case "oldest":
      return [{ createdAt: "asc" }, { id: "asc" }];
    case "helpful":
      return [{ helpfulCount: "desc" }, { createdAt: "asc" }];
    case "replies":
      return [{ replies: { _count: "desc" } }, { createdAt: "asc" }];
  }
}

/**
 * The discussion of one version, sized for articles with thousands of
 * annotations: highlight positions for all of them, but bodies and replies
 * only for the page of threads shown (and the one a link points at).
 */
export async function loadDiscussion(
  viewer: Viewer | null,
  articleId: string,
  versionId: string,
  options: { sort: ThreadSort; limit?: number; orphanLimit?: number; focusRootId?: string; onlyPlacedInVersion?: boolean; filters?: DiscussionFilters },
): Promise<DiscussionPage> {
  const db = getDb();
  const limit = options.limit ?? THREADS_PER_PAGE;
  const filters = options.filters ?? {};
  const rootWhere: Prisma.AnnotationWhereInput = {
    articleId,
    rootId: null,
    ...visibleAnnotationsWhere(viewer?.id ?? null),
    // A deleted annotation stays only as the head of a thread that has replies.
    AND: [{ OR: [{ deletedAt: null }, { replies: { some: {} } }] }, ...filterRootsWhere(filters, viewer?.id ?? null)],
  };
  const placed = { some: { versionId, start: { not: null } } } satisfies Prisma.AnnotationAnchorListRelationFilter;

  const [highlights, pageIds, orphans] = await Promise.all([
    listPlacedHighlights(viewer, articleId, versionId, filters),
    options.sort === "position"
      ? listThreadIdsByPosition(viewer, articleId, versionId, limit, filters)
      : db.annotation.findMany({ where: { ...rootWhere, anchors: placed }, orderBy: orderFor(options.sort), take: limit, select: { id: true } }).then((rows) => rows.map((row) => row.id)),
    options.onlyPlacedInVersion ? Promise.resolve({ ids: [] as string[], total: 0 }) : listOrphanedThreadIds(viewer, articleId, versionId, options.orphanLimit ?? ORPHANS_PER_PAGE, filters),
  ]);
  const orphanIds = orphans.ids;

  const focus = options.focusRootId && !pageIds.includes(options.focusRootId) && !orphanIds.includes(options.focusRootId) ? [options.focusRootId] : [];
  const loaded = await listArticleAnnotations(viewer, articleId, versionId, { rootIds: [...pageIds, ...orphanIds, ...focus], onlyPlacedInVersion: options.onlyPlacedInVersion });
  const byId = new Map(loaded.map((thread) => [thread.root.id, thread]));
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const focused = pick(focus);
  return {
    threads: [...pick(pageIds), ...focused.filter((thread) => thread.anchor)],
    orphaned: [...pick(orphanIds), ...focused.filter((thread) => !thread.anchor)],
    orphanedTotal: orphans.total,
    total: highlights.length,
    highlights,
  };
}
