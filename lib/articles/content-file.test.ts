import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseArticleContent, trimText } from "./content-file";

const seedSource = await readFile(new URL("../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");

describe("the shipped article", () => {
  const article = parseArticleContent("china-shared-future-cyberspace", seedSource);

  it("has its metadata", () => {
    expect(article.title).toBe("China leads call for shared future in cyberspace");
    expect(article.author).toBe("Yasiru Ranaraja");
    expect(article.authorBio).toMatch(/^Yasiru Ranaraja is a commentator/);
    expect(article.source).toBe("来源:中国网一点号");
    expect(article.publishedAt.toISOString().slice(0, 10)).toBe("2025-11-14");
    expect(article.summary).toMatch(/^China's push for a shared future online/);
    expect(article.language).toBe("en");
  });

  it("starts with the lead and has the six section headings in order", () => {
    expect(article.blocks[0]).toMatchObject({ kind: "lead" });
    expect(article.blocks.filter((block) => block.kind === "heading").map((block) => block.text)).toEqual([
      "China's vision as alternative model",
      "Nations should be equal in cyberspace",
      "Cybersecurity and legal cooperation",
      "Bridging the digital divide",
      "Strategic applications across sectors",
      "Looking ahead",
    ]);
  });

  it("leaves out the page chrome", () => {
    const text = article.blocks.map((block) => block.text).join("\n");
    for (const chrome of ["B站影视", "相关推荐", "摘要:", "Lead:", "来源"]) expect(text).not.toContain(chrome);
  });
});

describe("parseArticleContent", () => {
  it("reads the article's language, one of the listed tags", () => {
    expect(parseArticleContent("x", "---\ntitle: T\nauthor: A\npublished: 2025-01-01\nlanguage: zh-CN\n---\nBody").language).toBe("zh-CN");
    expect(() => parseArticleContent("x", "---\ntitle: T\nauthor: A\npublished: 2025-01-01\nlanguage: klingon\n---\nBody")).toThrow(/language/);
  });

  it("rejects front matter without a title", () => {
    expect(() => parseArticleContent("x", "---\nauthor: A\npublished: 2025-01-01\n---\nBody")).toThrow(/title/);
  });
});

describe("trimText", () => {
  it("cuts at a word boundary with an ellipsis", () => {
    expect(trimText("one two three four", 10)).toBe("one two…");
    expect(trimText("short", 10)).toBe("short");
  });
});
