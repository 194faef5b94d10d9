import approxSearch from "approx-string-match";
import { describe, expect, it } from "vitest";
import { substringEditDistance } from "./edit-distance";
import { seededRandom } from "@/scripts/bench/edits";

/** approx-string-match's answer: the errors of its fewest-error matches with the whole pattern as budget. */
function reference(text: string, pattern: string): number {
  const [best] = approxSearch(text, pattern, pattern.length);
  return best ? best.errors : pattern.length;
}

describe("substringEditDistance", () => {
  it("is zero for a substring and counts edits otherwise", () => {
    expect(substringEditDistance("the rules of the digital age", "digital")).toBe(0);
    expect(substringEditDistance("the rules of the digitel age", "digital")).toBe(1);
    expect(substringEditDistance("the rules of the digtal age", "digital")).toBe(1);
    expect(substringEditDistance("the rules of the diggital age", "digital")).toBe(1);
    expect(substringEditDistance("xyz", "digital")).toBe(7);
    expect(substringEditDistance("", "abc")).toBe(3);
    expect(substringEditDistance("abc", "")).toBe(0);
  });

  it("agrees with approx-string-match on thousands of random texts and patterns", () => {
    const random = seededRandom(42);
    const word = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    for (let round = 0; round < 3000; round++) {
      // Small alphabets make near matches common; the last one mixes surrogate pairs and combining marks in.
      const alphabet = ["ab", "abcd", "abcdefghij ", "ab\u0301🙂中"][round % 4]!;
      const pattern = word(alphabet, 1 + Math.floor(random() * 40));
      const text = word(alphabet, 1 + Math.floor(random() * 48));
      expect(substringEditDistance(text, pattern), `${JSON.stringify(text)} / ${JSON.stringify(pattern)}`).toBe(reference(text, pattern));
    }
  });
});
