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

  it("matches as browsers do: ignoring case, on whole words, and inside Chinese text", () => {
    expect(resolveTextFragment("/a#:~:text=two%20CATS%20sat", text)).toMatchObject({ exact: "Two cats sat", start: 34 });
    expect(resolveTextFragment("/a#:~:text=at", text)).toBeNull();
    expect(resolveTextFragment("/a#:~:text=%E5%91%BD%E8%BF%90", "网络空间命运共同体")).toMatchObject({ exact: "命运", start: 4 });
  });

  it("returns null for no directive, bad encoding or absent text", () => {
    expect(resolveTextFragment("/a#section", text)).toBeNull();
    expect(resolveTextFragment("/a#:~:text=%E0%A4%A", text)).toBeNull();
    expect(resolveTextFragment("/a#:~:text=dogs", text)).toBeNull();
  });
});
