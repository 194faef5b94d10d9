import { describe, expect, it } from "vitest";
import { decodeNotice, encodeNotice, noticeInEnglish } from "./notice";

describe("moderation notices", () => {
  it("are stored as a code and values and worded when read", () => {
    const stored = encodeNotice("hidden", { quote: "5.4 billion people", reason: "Insults" });
    expect(decodeNotice(stored)).toEqual({ code: "hidden", values: { quote: "5.4 billion people", reason: "Insults", end: undefined } });
    expect(noticeInEnglish(stored)).toBe("Moderators hid your annotation on “5.4 billion people”. Reason: Insults");
    expect(noticeInEnglish(encodeNotice("approved", { quote: "q" }))).toBe("Moderators reviewed your annotation on “q” and left it up.");
  });

  it("say until when a suspension lasts, or that it is permanent", () => {
    expect(noticeInEnglish(encodeNotice("suspended", { reason: "Spam", end: "2026-11-28T12:00:00.000Z" }))).toBe(
      "Moderators suspended your account until Nov 28, 2026, 12:00 PM UTC: you can read, but not post, reply, flag or vote. Reason: Spam",
    );
    expect(noticeInEnglish(encodeNotice("suspended", {}))).toBe("Moderators suspended your account permanently: you can read, but not post, reply, flag or vote.");
  });

  it("keep user text as text, and show sentences stored before codes as they were", () => {
    expect(noticeInEnglish(encodeNotice("deleted", { quote: "{reason} <b>", reason: "{quote}" }))).toBe("Moderators deleted your annotation on “{reason} <b>”. Reason: {quote}");
    expect(noticeInEnglish("Moderators hid your annotation.")).toBe("Moderators hid your annotation.");
    expect(decodeNotice('notice:{"code":"nonsense"}')).toBeNull();
    expect(decodeNotice("notice:{broken")).toBeNull();
  });
});
