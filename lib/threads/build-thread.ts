/** The fields thread building needs from a reply or an annotation. */
export interface ThreadItem {
  id: string;
  parentId: string | null;
  createdAt: Date;
  authorHandle: string | null;
}

/** A node as displayed: nested up to MAX_DISPLAY_DEPTH, then flat with "in reply to @handle". */
export interface ThreadNode<T extends ThreadItem> {
  item: T;
  depth: number;
  /** Set when the node is shown flat below its real parent's level. */
  inReplyTo: string | null;
  children: ThreadNode<T>[];
}

/** Deeper replies continue flat, so narrow screens never indent text away. */
export const MAX_DISPLAY_DEPTH = 3;

/**
 * Builds the display tree of one thread from its root and replies in any
 * order. Replies whose parent is missing (not visible to this viewer) attach
 * to the root, so nothing visible is lost.
 */
export function buildThread<T extends ThreadItem>(root: T, replies: readonly T[]): ThreadNode<T> {
  const byParent = new Map<string, T[]>();
  const ids = new Set([root.id, ...replies.map((reply) => reply.id)]);
  for (const reply of replies) {
    const parentId = reply.parentId && ids.has(reply.parentId) ? reply.parentId : root.id;
    const siblings = byParent.get(parentId) ?? [];
    siblings.push(reply);
    byParent.set(parentId, siblings);
  }
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));

  const rootNode: ThreadNode<T> = { item: root, depth: 0, inReplyTo: null, children: [] };
  // Below a node at the display depth, every descendant is listed flat under it.
  const visit = (node: ThreadNode<T>, flatContainer: ThreadNode<T> | null) => {
    for (const child of byParent.get(node.item.id) ?? []) {
      if (flatContainer) {
        const childNode: ThreadNode<T> = { item: child, depth: MAX_DISPLAY_DEPTH + 1, inReplyTo: node.item.authorHandle, children: [] };
        flatContainer.children.push(childNode);
        visit(childNode, flatContainer);
      } else {
        const childNode: ThreadNode<T> = { item: child, depth: node.depth + 1, inReplyTo: null, children: [] };
        node.children.push(childNode);
        visit(childNode, childNode.depth >= MAX_DISPLAY_DEPTH ? childNode : null);
      }
    }
  };
  visit(rootNode, null);
  return rootNode;
}

/** Counts every reply below a node. */
export function countReplies<T extends ThreadItem>(node: ThreadNode<T>): number {
  return node.children.reduce((total, child) => total + 1 + countReplies(child), 0);
}

export const threadSorts = ["position", "newest", "oldest", "helpful", "replies"] as const;
export type ThreadSort = (typeof threadSorts)[number];

export interface SortableThread {
  position: number;
  createdAt: Date;
  helpfulCount: number;
  replyCount: number;
}

/** Orders threads; ties fall back to article order so the list is stable. */
export function sortThreads<T extends SortableThread>(threads: readonly T[], sort: ThreadSort): T[] {
  const key: Record<ThreadSort, (a: T, b: T) => number> = {
    position: (a, b) => a.position - b.position,
    newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
    oldest: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    helpful: (a, b) => b.helpfulCount - a.helpfulCount,
    replies: (a, b) => b.replyCount - a.replyCount,
  };
  return [...threads].sort((a, b) => key[sort](a, b) || a.position - b.position);
}
