import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { sourceDomain } from "@/lib/sources/normalize-url";
import { isModerator } from "@/lib/moderation/permissions";
import { visibleAnnotationsWhere } from "./scope";

export type StanceName = "SUPPORTS" | "DISPUTES" | "CONTEXT";

/** One annotation or reply as the page shows it; permissions are decided here, on the server. */
export interface AnnotationView {
  id: string;
  parentId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  isOwn: boolean;
  isDeleted: boolean;
  isPrivate: boolean;
  /** Sanitized HTML; null for a plain highlight or a deleted placeholder. */
  bodyHtml: string | null;
  body: string | null;
  tags: string[];
  sources: Array<{ url: string; title: string | null; stance: StanceName; domain: string }>;
  helpfulCount: number;
  isHelpfulToViewer: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Set only on the viewer's own content that moderators hid or hold for review: what happened and why. */
  moderation: { status: "PENDING" | "HIDDEN"; reason: string | null } | null;
  can: { edit: boolean; delete: boolean; reply: boolean; vote: boolean; flag: boolean; moderate: boolean };
}

export interface ThreadView {
  root: AnnotationView;
  quote: string;
  /** Where it sits in the shown version; null when orphaned there. */
  anchor: { start: number; end: number } | null;
  isHighlightOnly: boolean;
  /** Moderators locked the thread: no new replies. */
  isLocked: boolean;
  replies: AnnotationView[];
  evidence: Record<StanceName, number>;
}

/**
 * Every thread of an article the viewer may see, placed in `versionId`.
 * Private annotations appear only for their author; replies inherit their
 * thread's visibility.
 */
export async function listArticleAnnotations(
  viewer: Viewer | null,
  articleId: string,
  versionId: string,
  options: { onlyPlacedInVersion?: boolean; rootIds?: readonly string[] } = {},
): Promise<ThreadView[]> {
  const rows = await getDb().annotation.findMany({
    where: {
      articleId,
      ...visibleAnnotationsWhere(viewer?.id ?? null),
      // Only these threads (a page of the discussion), when given.
      ...(options.rootIds ? { AND: [{ OR: [{ id: { in: [...options.rootIds] } }, { rootId: { in: [...options.rootIds] } }] }] } : {}),
    },
    orderBy: { createdAt: "asc" },
    include: {
      author: { select: { handle: true, name: true } },
      sources: { orderBy: { position: "asc" } },
      anchors: { where: { versionId }, select: { start: true, end: true } },
      votes: viewer ? { where: { userId: viewer.id }, select: { userId: true } } : false,
    },
  });

  // Suspended people read, but do not post, reply, flag or vote.
  const canPost = Boolean(viewer?.isEmailVerified) && !viewer?.suspension;
  const viewerModerates = isModerator(viewer && { role: viewer.role, isSuspended: viewer.suspension !== null });
  // Locked threads, and threads moderators hid or hold (seen only by their author), take no replies.
  const closedRoots = new Set(rows.filter((row) => row.rootId === null && (row.lockedAt !== null || row.moderationStatus !== "VISIBLE")).map((row) => row.id));
  const toView = (row: (typeof rows)[number]): AnnotationView => {
    const isOwn = viewer !== null && row.authorId === viewer.id;
    const isDeleted = row.deletedAt !== null;
    const hasBody = row.body !== null;
    return {
      id: row.id,
      parentId: row.parentId,
      authorHandle: row.author?.handle ?? null,
      authorName: row.author?.name ?? null,
      isOwn,
      isDeleted,
      isPrivate: row.visibility === "PRIVATE",
      bodyHtml: hasBody ? renderMarkdown(row.body!) : null,
      body: isOwn ? row.body : null,
      tags: row.tags,
      sources: row.sources.map((source) => ({ url: source.url, title: source.title, stance: source.stance, domain: sourceDomain(source.url) })),
      helpfulCount: row.helpfulCount,
      isHelpfulToViewer: Array.isArray(row.votes) && row.votes.length > 0,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      moderation: row.moderationStatus === "VISIBLE" ? null : { status: row.moderationStatus, reason: row.moderationReason },
      can: {
        edit: isOwn && !isDeleted && hasBody && canPost,
        delete: isOwn && !isDeleted,
        reply: canPost && (hasBody || isDeleted) && row.moderationStatus === "VISIBLE" && !closedRoots.has(row.rootId ?? row.id),
        vote: canPost && !isOwn && !isDeleted && hasBody,
        flag: canPost && !isOwn && !isDeleted && hasBody && row.visibility === "PUBLIC",
        moderate: viewerModerates && !isOwn && row.visibility === "PUBLIC",
      },
    };
  };

  const repliesByRoot = new Map<string, AnnotationView[]>();
  for (const row of rows) {
    if (!row.rootId) continue;
    const list = repliesByRoot.get(row.rootId) ?? [];
    list.push(toView(row));
    repliesByRoot.set(row.rootId, list);
  }
  const threads = rows
    // An older version shows the annotations placed in it, not later ones as orphans.
    .filter((row) => row.rootId === null && (!options.onlyPlacedInVersion || row.anchors.length > 0))
    .map((row): ThreadView => {
      const replies = repliesByRoot.get(row.id) ?? [];
      const root = toView(row);
      const evidence: Record<StanceName, number> = { SUPPORTS: 0, DISPUTES: 0, CONTEXT: 0 };
      for (const item of [root, ...replies]) for (const source of item.sources) evidence[source.stance]++;
      const anchor = row.anchors[0];
      return {
        root,
        quote: row.quoteExact ?? "",
        anchor: anchor && anchor.start !== null && anchor.end !== null ? { start: anchor.start, end: anchor.end } : null,
        isHighlightOnly: row.body === null && row.deletedAt === null,
        isLocked: row.lockedAt !== null,
        replies,
        evidence,
      };
    })
    // A deleted annotation with no visible replies has nothing left to show.
    .filter((thread) => !(thread.root.isDeleted && thread.replies.length === 0));
  return threads.sort((a, b) => (a.anchor?.start ?? Number.MAX_SAFE_INTEGER) - (b.anchor?.start ?? Number.MAX_SAFE_INTEGER));
}
