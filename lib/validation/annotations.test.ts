import { describe, expect, it } from "vitest";
import { SOURCE_URL_MAX_LENGTH, sourcesSchema } from "./annotations";

const cite = (url: string) => ({ url, stance: "SUPPORTS" });

describe("sourcesSchema", () => {
  it("refuses the same address cited twice, naming the repeat", () => {
    const result = sourcesSchema.safeParse([cite("https://example.org/report"), cite("https://example.org/other"), cite("https://EXAMPLE.org/report?utm_source=feed")]);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ message: "annotation.sourceDuplicate", path: [2, "url"] })]);
  });

  it("refuses an address longer than any real one", () => {
    const long = `https://example.org/${"a".repeat(SOURCE_URL_MAX_LENGTH)}`;
    const result = sourcesSchema.safeParse([cite(long)]);
    expect(result.error!.issues).toEqual([expect.objectContaining({ message: "annotation.sourceUrlTooLong", path: [0, "url"] })]);
    expect(sourcesSchema.safeParse([cite("https://example.org/fine"), cite("http://example.org/also-fine")]).success).toBe(true);
  });
});
