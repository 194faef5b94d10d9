import { describe, expect, it } from "vitest";
import { safeReturnPath, sameOriginRedirect } from "./safe-redirect";

describe("safeReturnPath", () => {
  it.each([
    ["/articles/x?y=1#a", "/articles/x?y=1#a"],
    ["/", "/"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/%0d%0aLocation:evil",
    "/\tx",
    "",
    undefined,
    42,
  ])("refuses %s", (input) => {
    const result = safeReturnPath(input, "/home");
    expect(result === "/home" || (result.startsWith("/") && !result.startsWith("//"))).toBe(true);
    expect(result).not.toContain("evil.example/");
  });

  it.each(["/..//evil.example", "/.//evil.example/x", "/%2e%2e//evil.example", "/foo/..//evil.example"])("refuses %s, which dot segments turn into another host", (input) => {
    expect(safeReturnPath(input, "/home")).toBe("/home");
    expect(sameOriginRedirect(input, "https://gloss.example")).toBe("https://gloss.example/");
  });

  it("falls back for absolute and protocol-relative URLs", () => {
    expect(safeReturnPath("https://evil.example/", "/x")).toBe("/x");
    expect(safeReturnPath("//evil.example", "/x")).toBe("/x");
    expect(safeReturnPath("/\\evil.example", "/x")).toBe("/x");
  });
});

describe("sameOriginRedirect", () => {
  const base = "https://gloss.example";
  it("keeps paths and same-origin URLs", () => {
    expect(sameOriginRedirect("/account", base)).toBe("https://gloss.example/account");
    expect(sameOriginRedirect("https://gloss.example/a?b=1", base)).toBe("https://gloss.example/a?b=1");
  });
  it("sends other origins home", () => {
    expect(sameOriginRedirect("https://evil.example/a", base)).toBe(base);
    expect(sameOriginRedirect("//evil.example/a", base)).toBe("https://gloss.example/");
    expect(sameOriginRedirect("not a url", base)).toBe(base);
  });
});
