import { describe, expect, it } from "vitest";
import { cleanText, stripInvalidText } from "./clean-text";

describe("stripInvalidText", () => {
  it("removes NUL, other controls, C1 controls and bidi overrides", () => {
    expect(stripInvalidText("a\u0000b\u0007c\u001bd\u007fe\u0085f")).toBe("abcdef");
    expect(stripInvalidText("user\u202egnp.exe")).toBe("usergnp.exe");
    expect(stripInvalidText("\u2066isolated\u2069")).toBe("isolated");
  });

  it("keeps tabs, newlines, direction marks, emoji and other scripts", () => {
    expect(stripInvalidText("a\tb\r\nc\rd")).toBe("a\tb\nc\nd");
    expect(stripInvalidText("שלום\u200f abc")).toBe("שלום\u200f abc");
    expect(stripInvalidText("👩‍👩‍👧 网络空间")).toBe("👩‍👩‍👧 网络空间");
  });

  it("drops lone surrogates but keeps pairs", () => {
    expect(stripInvalidText("a\ud800b\udc00c😀")).toBe("abc😀");
  });

  it("runs before the schema's other checks", () => {
    expect(cleanText().trim().min(1).safeParse("\u0000 \u0000").success).toBe(false);
    expect(cleanText().trim().parse(" ok\u0000 ")).toBe("ok");
  });
});
