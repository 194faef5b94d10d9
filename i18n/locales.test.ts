import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("prefers a saved choice over the browser's languages", () => {
    expect(negotiateLocale("zh-CN", "en-US,en;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
  });

  it("ignores a saved value that is not a supported locale", () => {
    expect(negotiateLocale("fr", "zh-CN")).toBe("zh-CN");
    expect(negotiateLocale("<script>", undefined)).toBe("en");
  });

  it("ranks Accept-Language by quality, then by order", () => {
    expect(negotiateLocale(undefined, "fr;q=1, zh-Hans;q=0.8, en;q=0.5")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "zh;q=0.4, en-GB;q=0.7")).toBe("en");
    expect(negotiateLocale(undefined, "zh-TW")).toBe("zh-CN");
  });

  it("falls back to English for missing, unknown or refused languages", () => {
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale(undefined, "de-DE, fr")).toBe("en");
    expect(negotiateLocale(undefined, "zh;q=0, de")).toBe("en");
    expect(negotiateLocale(undefined, ";;;,q=x")).toBe("en");
  });
});
