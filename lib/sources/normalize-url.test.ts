import { describe, expect, it } from "vitest";
import { normalizeSourceUrl, sourceDomain } from "./normalize-url";

describe("normalizeSourceUrl", () => {
  it("keeps http(s) addresses, normalised", () => {
    expect(normalizeSourceUrl(" HTTPS://WWW.ITU.int:443/en/stats?utm_source=x&id=3#frag ")).toBe("https://www.itu.int/en/stats?id=3");
    expect(normalizeSourceUrl("http://example.org")).toBe("http://example.org/");
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "ftp://example.org/f", "mailto:a@b.co", "https://user:pw@example.org/", "not a url", "https://intranet/"])(
    "refuses %s",
    (input) => {
      expect(normalizeSourceUrl(input)).toBeNull();
    },
  );
});

describe("sourceDomain", () => {
  it("drops www", () => {
    expect(sourceDomain("https://www.worldbank.org/en/x")).toBe("worldbank.org");
  });
});
