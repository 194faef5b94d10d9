import { describe, expect, it } from "vitest";
import { extractMentions, insertMention, mentionAtCaret } from "./mentions";
import { DEFAULT_PREFERENCES, isWanted, resolvePreferences } from "./preferences";
import { planPostNotifications } from "./recipients";
import { describeNotification, plainExcerpt } from "./describe";

describe("mentions", () => {
  it("finds handles, lowercased and once each, but not e-mail addresses", () => {
    expect(extractMentions("@Alice and @bob_2, again @alice; mail x@carol.org or @@dave @ab")).toEqual(["alice", "bob_2"]);
  });

  it("knows the mention being typed at the caret and replaces it", () => {
    expect(mentionAtCaret("hi @al", 6)).toEqual({ start: 3, query: "al" });
    expect(mentionAtCaret("hi @", 4)).toEqual({ start: 3, query: "" });
    expect(mentionAtCaret("mail a@b", 8)).toBeNull();
    expect(mentionAtCaret("hi @al there", 12)).toBeNull();
    expect(insertMention("hi @al!", 3, 6, "alice")).toEqual({ text: "hi @alice !", caret: 10 });
  });
});

describe("who hears about a post", () => {
  it("tells the parent's author, mentioned people and other participants once each, never the poster", () => {
    expect(
      planPostNotifications({ authorId: "me", parentAuthorId: "p", threadParticipantIds: ["p", "me", "t", "m"], mentionedIds: ["m", "p", "me"] }),
    ).toEqual([
      { userId: "p", kind: "REPLY" },
      { userId: "m", kind: "MENTION" },
      { userId: "t", kind: "THREAD_REPLY" },
    ]);
  });
});

describe("preferences", () => {
  it("fall back to the defaults and drop a kind off everywhere", () => {
    const resolved = resolvePreferences([{ kind: "REPLY", inApp: false, email: "OFF" }]);
    expect(resolved.REPLY).toEqual({ inApp: false, email: "OFF" });
    expect(resolved.MODERATION).toEqual(DEFAULT_PREFERENCES.MODERATION);
    expect(isWanted(resolved.REPLY)).toBe(false);
    expect(isWanted({ inApp: false, email: "DIGEST" })).toBe(true);
  });
});

describe("notification text", () => {
  it("reduces Markdown to a short plain line", () => {
    expect(plainExcerpt("**Bold** [link](https://x.test)\n\n> quote\n# head @a_b", 100)).toBe("Bold link quote head @a_b");
    expect(plainExcerpt("a".repeat(200), 10)).toBe(`${"a".repeat(9)}…`);
    expect(describeNotification({ kind: "MENTION", text: "hi", actorHandle: "bob" })).toBe("@bob mentioned you: “hi”");
  });
});
