import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { exportContextFixture, openAnnotation } from "./fixtures.test-data";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as they are and nothing for missing values", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("has a header and one CRLF-ended row per annotation", () => {
    const csv = toCsv([openAnnotation(), openAnnotation({ id: "r", parentId: "root1", quote: null, position: null })], exportContextFixture);
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^id,url,article,motivation,parent_id,/);
    expect(lines[1]).toContain("root1,https://gloss.test/a/root1,demo,commenting,,alice");
    expect(lines[1]).toContain("supports https://example.org/report");
    expect(lines[2]).toContain(",replying,root1,");
    expect(lines.at(-1)).toBe("");
  });
});
