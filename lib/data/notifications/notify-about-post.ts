import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { extractMentions } from "@/lib/notifications/mentions";
import { plainExcerpt } from "@/lib/notifications/describe";
import { planPostNotifications } from "@/lib/notifications/recipients";
import { createNotifications } from "./create-notifications";

/**
 * Tells people about a post that has just become public and visible (posted,
 * or approved by a moderator): the author it answers, the people it mentions
 * and the others in its thread. Private and held posts, and posts in a thread
 * moderators hid or hold, notify nobody, since nobody else may see them. Returns the notification ids to email at once.
 */
export async function notifyAboutPost(
  tx: Prisma.TransactionClient,
  post: { id: string; authorId: string | null; parentId: string | null; rootId: string | null; body: string | null; visibility: string; moderationStatus: string },
): Promise<string[]> {
  if (!post.authorId || !post.body || post.visibility !== "PUBLIC" || post.moderationStatus !== "VISIBLE") return [];
  const rootId = post.rootId ?? post.id;
  const handles = extractMentions(post.body);
  // One after another: a transaction is one connection, and node-postgres runs one query at a time on it (queries sent
  // together only queue, with a warning that a later version turns into an error).
  const root = post.rootId ? await tx.annotation.findUnique({ where: { id: post.rootId }, select: { moderationStatus: true } }) : null;
  const parent = post.parentId ? await tx.annotation.findUnique({ where: { id: post.parentId }, select: { authorId: true } }) : null;
  const participants = post.rootId
    ? await tx.annotation.findMany({ where: { OR: [{ id: rootId }, { rootId }], authorId: { not: null } }, distinct: ["authorId"], select: { authorId: true } })
    : [];
  // Most posts mention nobody: no query then.
  const mentioned = handles.length > 0 ? await tx.user.findMany({ where: { handle: { in: handles }, isPlaceholder: false }, select: { id: true } }) : [];
  // A reply approved in a thread moderators have since hidden is there for nobody else to read.
  if (root && root.moderationStatus !== "VISIBLE") return [];
  const plan = planPostNotifications({
    authorId: post.authorId,
    parentAuthorId: parent?.authorId ?? null,
    threadParticipantIds: participants.flatMap((row) => (row.authorId ? [row.authorId] : [])),
    mentionedIds: mentioned.map((user) => user.id),
  });
  const text = plainExcerpt(post.body);
  return createNotifications(
    tx,
    plan.map((entry) => ({ ...entry, annotationId: post.id, actorId: post.authorId, text })),
  );
}
