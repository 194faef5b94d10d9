import { describe, expect, it } from "vitest";
import { articleFormSchema } from "./articles";

const form = { slug: "a-slug", title: "T", author: "A", published: "2025-01-01", body: "Text." };

describe("articleFormSchema", () => {
  it("takes the article's language from the listed tags, English when the form leaves it out", () => {
    expect(articleFormSchema.parse({ ...form, language: "zh-CN" }).language).toBe("zh-CN");
    expect(articleFormSchema.parse({ ...form, language: "" }).language).toBe("en");
    expect(articleFormSchema.parse(form).language).toBe("en");
  });

  it("names the field when the language is not one of them", () => {
    const result = articleFormSchema.safeParse({ ...form, language: "en-x-<script>" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["language", "article.languageUnknown"]]);
  });
});
