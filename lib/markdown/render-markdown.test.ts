import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the allowed formatting", () => {
    const html = renderMarkdown("**bold** _em_ ~~gone~~\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`code`\n\n```\nblock\n```");
    for (const tag of ["<strong>bold</strong>", "<em>em</em>", "<s>gone</s>", "<ul>", "<ol>", "<blockquote>", "<code>code</code>", "<pre><code>block"]) {
      expect(html).toContain(tag);
    }
  });

  it("gives links rel=nofollow ugc noopener noreferrer", () => {
    expect(renderMarkdown("[src](https://example.org/a?b=1)")).toContain(
      '<a href="https://example.org/a?b=1" rel="nofollow ugc noopener noreferrer" target="_blank">src</a>',
    );
    expect(renderMarkdown("see https://example.org")).toContain('href="https://example.org"');
    expect(renderMarkdown("[mail](mailto:a@b.co)")).toContain('href="mailto:a@b.co"');
  });

  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example/path)",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "![img](https://evil.example/track.png)",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "[x](https://ok.example \"title\" onmouseover=alert(1))",
    "&#106;avascript:alert(1)",
    "<form action=https://evil.example><input></form>",
  ];

  it.each(payloads)("neutralises %s", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|div|form|input|math)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/href="\/\//);
  });
});

describe("markdownToPlainText", () => {
  it("strips formatting and decodes entities", () => {
    expect(markdownToPlainText("**Bold** and [a link](https://x.y) & <tag>")).toBe("Bold and a link & <tag>");
  });
});

describe("renderMarkdown's memory of recent bodies", () => {
  it("returns the same sanitized HTML on a repeat as on the first render", () => {
    const source = "[x](javascript:alert(1)) **again** <img src=x onerror=alert(1)>";
    const first = renderMarkdown(source);
    expect(renderMarkdown(source)).toBe(first);
    expect(first).not.toContain("href=\"javascript");
    expect(first).toContain("<strong>again</strong>");
    expect(first).not.toContain("<img");
  });

  it("keeps rendering correctly after many distinct bodies push old ones out", () => {
    for (let index = 0; index < 3_000; index++) renderMarkdown(`${"word ".repeat(400)}${index}`);
    expect(renderMarkdown("**still bold**")).toBe("<p><strong>still bold</strong></p>\n");
  });
});
