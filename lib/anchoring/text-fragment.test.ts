import { describe, expect, it } from "vitest";
import { resolveTextFragment } from "./text-fragment";

const text = "One cat sat.\n\nTwo cats 😀 ran far. Two cats sat.";

describe("resolveTextFragment", () => {
  it("finds a plain text directive", () => {
    expect(resolveTextFragment("https://x/a#:~:text=cats%20%F0%9F%98%80%20ran", text)).toMatchObject({ exact: "cats 😀 ran", start: 18 });
  });

  it("uses start and end, and prefix and suffix to pick the occurrence", () => {
    expect(resolveTextFragment("/a#:~:text=Two-,cats,-sat", text)).toMatchObject({ exact: "cats", start: 38 });
    expect(resolveTextFragment("/a#:~:text=Two,far", text)?.exact).toBe("Two cats 😀 ran far");
  });

  it("returns null for no directive, bad encoding or absent text", () => {
    expect(resolveTextFragment("/a#section", text)).toBeNull();
    expect(resolveTextFragment("/a#:~:text=%E0%A4%A", text)).toBeNull();
    expect(resolveTextFragment("/a#:~:text=dogs", text)).toBeNull();
  });
});
