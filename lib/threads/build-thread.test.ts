import { describe, expect, it } from "vitest";
import { buildThread, countReplies, MAX_DISPLAY_DEPTH, sortThreads, type ThreadItem } from "./build-thread";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const item = (id: string, parentId: string | null, minute: number, authorHandle = id): ThreadItem => ({ id, parentId, createdAt: at(minute), authorHandle });

describe("buildThread", () => {
  it("nests replies under their parents in time order", () => {
    const root = item("root", null, 0);
    const tree = buildThread(root, [item("b", "root", 2), item("a", "root", 1), item("a1", "a", 3)]);
    expect(tree.children.map((child) => child.item.id)).toEqual(["a", "b"]);
    expect(tree.children[0]!.children.map((child) => child.item.id)).toEqual(["a1"]);
    expect(countReplies(tree)).toBe(3);
  });

  it("continues flat past the display depth, saying whom each reply answers", () => {
    const chain = [item("r1", "root", 1), item("r2", "r1", 2), item("r3", "r2", 3), item("r4", "r3", 4, "dora"), item("r5", "r4", 5)];
    const tree = buildThread(item("root", null, 0), chain);
    const r3 = tree.children[0]!.children[0]!.children[0]!;
    expect(r3.depth).toBe(MAX_DISPLAY_DEPTH);
    expect(r3.children.map((child) => child.item.id)).toEqual(["r4", "r5"]);
    expect(r3.children.map((child) => child.inReplyTo)).toEqual(["r3", "dora"]);
    expect(countReplies(tree)).toBe(5);
  });

  it("attaches replies whose parent is not visible to the root", () => {
    const tree = buildThread(item("root", null, 0), [item("orphan", "hidden", 1)]);
    expect(tree.children.map((child) => child.item.id)).toEqual(["orphan"]);
  });
});

describe("sortThreads", () => {
  const threads = [
    { id: "x", position: 30, createdAt: at(1), helpfulCount: 5, replyCount: 0 },
    { id: "y", position: 10, createdAt: at(3), helpfulCount: 1, replyCount: 4 },
    { id: "z", position: 20, createdAt: at(2), helpfulCount: 5, replyCount: 1 },
  ];
  it.each([
    ["position", ["y", "z", "x"]],
    ["newest", ["y", "z", "x"]],
    ["oldest", ["x", "z", "y"]],
    ["helpful", ["z", "x", "y"]],
    ["replies", ["y", "z", "x"]],
  ] as const)("sorts by %s", (sort, expected) => {
    expect(sortThreads(threads, sort).map((thread) => thread.id)).toEqual(expected);
  });
});
