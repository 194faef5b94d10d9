import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** Most specific first: someone both replied to and mentioned hears about it once, as a reply. */
const PRIORITY: NotificationKind[] = ["REPLY", "MENTION", "THREAD_REPLY"];

/**
 * Who hears about a new post and as what: the author of what it answers
 * (REPLY), people it mentions (MENTION), and everyone else who took part in
 * the thread (THREAD_REPLY). Never the post's own author; each person once.
 */
export function planPostNotifications(post: {
  authorId: string;
  parentAuthorId: string | null;
  threadParticipantIds: readonly string[];
  mentionedIds: readonly string[];
}): Array<{ userId: string; kind: NotificationKind }> {
  const kindByUser = new Map<string, NotificationKind>();
  const offer = (userId: string | null, kind: NotificationKind) => {
    if (!userId || userId === post.authorId) return;
    const current = kindByUser.get(userId);
    if (!current || PRIORITY.indexOf(kind) < PRIORITY.indexOf(current)) kindByUser.set(userId, kind);
  };
  offer(post.parentAuthorId, "REPLY");
  for (const id of post.mentionedIds) offer(id, "MENTION");
  for (const id of post.threadParticipantIds) offer(id, "THREAD_REPLY");
  return [...kindByUser].map(([userId, kind]) => ({ userId, kind }));
}
