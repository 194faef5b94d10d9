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
  const [root, parent, participants, mentioned] = await Promise.all([
    post.rootId ? tx.annotation.findUnique({ where: { id: post.rootId }, select: { moderationStatus: true } }) : null,
    post.parentId ? tx.annotation.findUnique({ where: { id: post.parentId }, select: { authorId: true } }) : null,
    post.rootId
      ? tx.annotation.findMany({ where: { OR: [{ id: rootId }, { rootId }], authorId: { not: null } }, distinct: ["authorId"], select: { authorId: true } })
      : [],
    // Most posts mention nobody: no query then.
    handles.length > 0 ? tx.user.findMany({ where: { handle: { in: handles }, isPlaceholder: false }, select: { id: true } }) : [],
  ]);
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
