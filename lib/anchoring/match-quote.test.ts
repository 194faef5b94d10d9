import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "./code-points";
import { matchQuote } from "./match-quote";

const text =
  "Nations met in Wuzhen. They spoke of a shared future in cyberspace and of trade. " +
  "Later, ministers again spoke of a shared future in cyberspace and of security.";

describe("matchQuote", () => {
  it("finds an exact quote with its context and scores it 1", () => {
    const match = matchQuote(text, "a shared future in cyberspace", { prefix: "They spoke of ", suffix: " and of trade." });
    expect(match).toEqual({ start: 37, end: 66, score: 1, quoteScore: 1 });
  });

  it("lets the context choose between repeats", () => {
    const second = matchQuote(text, "a shared future in cyberspace", { prefix: "ministers again spoke of ", suffix: " and of security." });
    expect(second?.start).toBe(text.lastIndexOf("a shared future"));
    const first = matchQuote(text, "a shared future in cyberspace", { prefix: "They spoke of ", suffix: " and of trade." });
    expect(first?.start).toBe(text.indexOf("a shared future"));
  });

  it("uses the hint to break a tie when there is no context", () => {
    const hint = text.lastIndexOf("a shared future") - 3;
    expect(matchQuote(text, "a shared future in cyberspace", { hint })?.start).toBe(text.lastIndexOf("a shared future"));
    expect(matchQuote(text, "a shared future in cyberspace", { hint: 0 })?.start).toBe(text.indexOf("a shared future"));
  });

  it("finds an edited quote approximately, with a lower score", () => {
    const match = matchQuote(text, "a shared future in the cyberspace", { prefix: "They spoke of ", suffix: " and of trade." });
    expect(match).not.toBeNull();
    expect(text.slice(match!.start, match!.end)).toBe("a shared future in cyberspace");
    expect(match!.quoteScore).toBeCloseTo(1 - 4 / 33);
    expect(match!.score).toBeLessThan(1);
  });

  it("prefers the occurrence whose context survived over an exact twin", () => {
    const edited = text.replace("They spoke of a shared future", "They spoke of a common future");
    const match = matchQuote(edited, "a shared future in cyberspace", { prefix: "They spoke of ", suffix: " and of trade." });
    expect(match?.start).toBe(edited.indexOf("a common future"));
  });

  it("returns offsets in code points of text with astral characters", () => {
    const astral = "😀😀 网络空间 🇨🇳 命运共同体 𠮷野家 命运共同体";
    const match = matchQuote(astral, "命运共同体", { prefix: "🇨🇳 ", suffix: " 𠮷" });
    expect(match).toMatchObject({ start: 11, end: 16, score: 1 });
    expect(sliceCodePoints(astral, match!.start, match!.end)).toBe("命运共同体");
  });

  it("never splits an emoji in an approximate match", () => {
    const astral = "Start 🎉 party 🎊 end";
    const match = matchQuote(astral, "🎉 party 🎈", {});
    expect(match).not.toBeNull();
    expect(sliceCodePoints(astral, match!.start, match!.end)).toBe("🎉 party 🎊");
  });

  it("returns null for an absent or empty quote", () => {
    expect(matchQuote(text, "quantum entanglement", {})).toBeNull();
    expect(matchQuote(text, "网络空间", {})).toBeNull();
    expect(matchQuote(text, "", {})).toBeNull();
    expect(matchQuote("", "Wuzhen", {})).toBeNull();
  });
});
