import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { allowedAnnotationActions, allowedUserActions, isModerator, type AnnotationAction, type UserAction } from "@/lib/moderation/permissions";
import { isSuspensionActive } from "@/lib/moderation/suspension";
import type { FlagReasonName, QueueFilters } from "@/lib/validation/moderation";
import { moderatorFacts } from "./moderator";

export interface QueueItem {
  id: string;
  revision: number;
  status: "VISIBLE" | "PENDING" | "HIDDEN";
  statusReason: string | null;
  isLocked: boolean;
  isRoot: boolean;
  article: { slug: string; title: string };
  quote: string;
  /** Sanitized HTML of the flagged text. */
  bodyHtml: string;
  createdAt: string;
  /** The thread it sits in, oldest first: the root and its replies, sanitized. */
  thread: Array<{ id: string; authorHandle: string | null; bodyHtml: string | null; isThis: boolean; status: string }>;
  flags: { total: number; open: number; byReason: Partial<Record<FlagReasonName, number>>; notes: string[]; automatic: number };
  author: {
    id: string;
    handle: string;
    name: string;
    role: "READER" | "MODERATOR" | "ADMIN";
    revision: number;
    joinedAt: string;
    earlierHides: number;
    suspensions: number;
    activeSuspension: { reason: string; endsAt: string | null } | null;
    isMarkedSpammer: boolean;
  } | null;
  actions: AnnotationAction[];
  userActions: UserAction[];
}

const PAGE_SIZE = 30;

function statusWhere(status: QueueFilters["status"]): Prisma.AnnotationWhereInput {
  switch (status) {
    case "open":
      // What its author deleted is no longer shown to anyone: nothing is left to decide.
      return { deletedAt: null, OR: [{ flags: { some: { status: "OPEN" } } }, { moderationStatus: "PENDING" }] };
    case "hidden":
      return { moderationStatus: "HIDDEN" };
    case "resolved":
      return { flags: { some: { status: { not: "OPEN" } }, none: { status: "OPEN" } }, moderationStatus: { not: "PENDING" } };
    case "all":
      return { OR: [{ flags: { some: {} } }, { moderationStatus: { not: "VISIBLE" } }] };
  }
}

/**
 * The review queue: annotations with flags or held for review, grouped with
 * their flags' reasons and counts, the thread around them and their
 * author's history. Each item carries the actions this moderator may take.
 * Reporters are not named: moderators judge the content, not who reported it.
 */
export async function listReviewQueue(actor: Viewer, filters: QueueFilters): Promise<QueueItem[]> {
  const facts = moderatorFacts(actor);
  if (!isModerator(facts)) return [];
  const db = getDb();
  // Each condition on its own in an AND: spread into one object, the reason's `flags` would replace the status's.
  const where: Prisma.AnnotationWhereInput = {
    visibility: "PUBLIC",
    AND: [
      filters.annotation ? { id: filters.annotation } : statusWhere(filters.status),
      filters.reason ? { flags: { some: { reason: filters.reason, ...(filters.status === "open" ? { status: "OPEN" } : {}) } } } : {},
    ],
  };
  const rows = await db.annotation.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: PAGE_SIZE,
    select: {
      id: true,
      rootId: true,
      body: true,
      quoteExact: true,
      createdAt: true,
      deletedAt: true,
      lockedAt: true,
      moderationStatus: true,
      moderationReason: true,
      moderationRevision: true,
      article: { select: { slug: true, title: true } },
      flags: { select: { reason: true, status: true, note: true, reporterId: true } },
      author: {
        select: {
          id: true,
          handle: true,
          name: true,
          role: true,
          createdAt: true,
          markedSpammerAt: true,
          moderationRevision: true,
          suspensions: { select: { reason: true, endsAt: true, liftedAt: true } },
        },
      },
    },
  });

  const rootIds = [...new Set(rows.map((row) => row.rootId ?? row.id))];
  const authorIds = [...new Set(rows.flatMap((row) => (row.author ? [row.author.id] : [])))];
  const [threadRows, hideCounts] = await Promise.all([
    db.annotation.findMany({
      where: { OR: [{ id: { in: rootIds } }, { rootId: { in: rootIds } }], visibility: "PUBLIC" },
      orderBy: { createdAt: "asc" },
      select: { id: true, rootId: true, body: true, quoteExact: true, deletedAt: true, moderationStatus: true, author: { select: { handle: true } } },
    }),
    db.moderationLogEntry.groupBy({ by: ["targetUserId"], where: { targetUserId: { in: authorIds }, action: { in: ["hide", "auto_hide"] } }, _count: { _all: true } }),
  ]);
  const hidesByAuthor = new Map(hideCounts.map((entry) => [entry.targetUserId, entry._count._all]));
  const now = new Date();

  return rows.map((row): QueueItem => {
    const rootId = row.rootId ?? row.id;
    const openFlags = row.flags.filter((flag) => flag.status === "OPEN");
    const counted = filters.status === "open" ? openFlags : row.flags;
    const byReason: Partial<Record<FlagReasonName, number>> = {};
    for (const flag of counted) byReason[flag.reason] = (byReason[flag.reason] ?? 0) + 1;
    const active = row.author?.suspensions.find((suspension) => isSuspensionActive(suspension, now)) ?? null;
    const root = threadRows.find((candidate) => candidate.id === rootId);
    return {
      id: row.id,
      revision: row.moderationRevision,
      status: row.moderationStatus,
      statusReason: row.moderationReason,
      isLocked: (row.rootId ? null : row.lockedAt) !== null,
      isRoot: row.rootId === null,
      article: row.article,
      quote: root?.quoteExact ?? row.quoteExact ?? "",
      bodyHtml: row.body ? renderMarkdown(row.body) : "",
      createdAt: row.createdAt.toISOString(),
      thread: threadRows
        .filter((candidate) => candidate.id === rootId || candidate.rootId === rootId)
        .map((candidate) => ({
          id: candidate.id,
          authorHandle: candidate.author?.handle ?? null,
          bodyHtml: candidate.deletedAt || !candidate.body ? null : renderMarkdown(candidate.body),
          isThis: candidate.id === row.id,
          status: candidate.moderationStatus,
        })),
      flags: {
        total: row.flags.length,
        open: openFlags.length,
        byReason,
        notes: counted.flatMap((flag) => (flag.note ? [flag.note] : [])),
        automatic: counted.filter((flag) => flag.reporterId === null).length,
      },
      author: row.author
        ? {
            id: row.author.id,
            handle: row.author.handle,
            name: row.author.name,
            role: row.author.role,
            revision: row.author.moderationRevision,
            joinedAt: row.author.createdAt.toISOString(),
            earlierHides: hidesByAuthor.get(row.author.id) ?? 0,
            suspensions: row.author.suspensions.length,
            activeSuspension: active ? { reason: active.reason, endsAt: active.endsAt?.toISOString() ?? null } : null,
            isMarkedSpammer: row.author.markedSpammerAt !== null,
          }
        : null,
      actions: allowedAnnotationActions(facts, {
        authorId: row.author?.id ?? null,
        authorRole: row.author?.role ?? null,
        status: row.moderationStatus,
        isRoot: row.rootId === null,
        isLocked: row.lockedAt !== null,
        hasOpenFlags: openFlags.length > 0,
        isDeleted: row.deletedAt !== null,
      }),
      userActions: row.author
        ? allowedUserActions(facts, { id: row.author.id, role: row.author.role, isSuspended: active !== null, isMarkedSpammer: row.author.markedSpammerAt !== null })
        : [],
    };
  });
}

/** The articles and whether each is pre-moderated, for the switch on the queue page. */
export async function listArticlesForModeration() {
  return getDb().article.findMany({ orderBy: { publishedAt: "desc" }, select: { id: true, slug: true, title: true, preModeration: true } });
}
