import { describe, expect, it } from "vitest";
import { codePointLength } from "../articles/canonical-text";
import { createOffsetMap, sliceCodePoints, widenToCodePoints } from "./code-points";

// 𠮷 and 😀 are astral (two UTF-16 units each); 中文 and é are not.
const mixed = "a𠮷b 中文 😀é😀";

describe("createOffsetMap", () => {
  it("is the identity for text without surrogates", () => {
    const map = createOffsetMap("plain 中文 text");
    expect(map.length).toBe(13);
    expect(map.toUtf16(6)).toBe(6);
    expect(map.toCodePoint(6)).toBe(6);
    expect(map.slice(6, 8)).toBe("中文");
  });

  it("agrees with codePointLength and Array.from on astral text", () => {
    const map = createOffsetMap(mixed);
    const codePoints = Array.from(mixed);
    expect(map.length).toBe(codePointLength(mixed));
    for (let index = 0; index <= codePoints.length; index++) {
      const utf16 = codePoints.slice(0, index).join("").length;
      expect(map.toUtf16(index)).toBe(utf16);
      expect(map.toCodePoint(utf16)).toBe(index);
      expect(map.slice(index)).toBe(codePoints.slice(index).join(""));
    }
  });

  it("rounds an offset inside a surrogate pair down to the pair", () => {
    const map = createOffsetMap(mixed);
    // "a" is unit 0, 𠮷 is units 1-2.
    expect(map.toCodePoint(2)).toBe(1);
    expect(map.toCodePoint(3)).toBe(2);
  });

  it("counts a lone surrogate once, as codePointLength does", () => {
    const text = "x\uD83Dy\uDE00z😀";
    const map = createOffsetMap(text);
    expect(map.length).toBe(codePointLength(text));
    expect(map.slice(5, 6)).toBe("😀");
    expect(map.toCodePoint(text.length)).toBe(6);
  });

  it("clamps offsets outside the text", () => {
    const map = createOffsetMap(mixed);
    expect(map.toUtf16(-3)).toBe(0);
    expect(map.toUtf16(1000)).toBe(mixed.length);
    expect(map.toCodePoint(1000)).toBe(map.length);
  });
});

describe("sliceCodePoints", () => {
  it("slices by code points", () => {
    expect(sliceCodePoints(mixed, 1, 3)).toBe("𠮷b");
    expect(sliceCodePoints(mixed, 8)).toBe("é😀");
  });
});

describe("widenToCodePoints", () => {
  it("never leaves half of a surrogate pair outside a range", () => {
    // Units: a=0, 𠮷=1-2, b=3.
    expect(widenToCodePoints(mixed, 2, 3)).toEqual({ start: 1, end: 3 });
    expect(widenToCodePoints(mixed, 0, 2)).toEqual({ start: 0, end: 3 });
    expect(widenToCodePoints(mixed, 1, 3)).toEqual({ start: 1, end: 3 });
  });
});
