import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { createReply } from "@/lib/data/annotations/create-reply";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { moderateAnnotation } from "@/lib/data/moderation/moderate-annotation";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { searchAnnotations } from "./search-annotations";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent("it-search", source);
const canonical = buildCanonicalText(content.blocks);
let versionId = "";
const stamp = Date.now().toString(36);

function input(quote: string, extra: Record<string, unknown> = {}) {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body: "A note", ...extra });
}

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  versionId = (await testDb.article.findUniqueOrThrow({ where: { slug: "it-search" } })).currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: "it-search" } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@search.test" } } });
  await testDb.$disconnect();
});

describe("search", () => {
  it("stems English, finds Chinese substrings, and leaves out what the viewer may not see", async () => {
    const author = await createActor("writer", { domain: "search.test" });
    const reader = await createActor("reader", { domain: "search.test" });
    const moderator = await createActor("mod", { domain: "search.test", role: "MODERATOR" });
    const english = await createAnnotation(author, input("5.4 billion people", { body: `Governments keep regulating platforms zq${stamp}` }));
    const chinese = await createAnnotation(author, input("Digital Silk Road", { body: `这是关于构建网络空间命运共同体的讨论 zq${stamp}` }));
    const secret = await createAnnotation(author, input("Looking ahead", { visibility: "PRIVATE", body: `private regulation notes 网络空间 zq${stamp}` }));
    const hidden = await createReply(author, { parentId: english.id, body: `hidden regulation remark 网络空间 zq${stamp}`, sources: [] });
    await moderateAnnotation(moderator, { annotationId: hidden.id, action: "hide", expectedRevision: 0, reason: "Off topic" });

    const ids = async (viewer: typeof reader | null, query: string) => (await searchAnnotations(viewer, query)).results.map((result) => result.id);
    // "regulation" finds "regulating": both stem to "regul".
    expect(await ids(reader, `regulation zq${stamp}`)).toEqual([english.id]);
    const [hit] = (await searchAnnotations(reader, `regulation zq${stamp}`)).results;
    expect(hit!.snippet.filter((segment) => segment.isMatch).map((segment) => segment.text)).toContain("regulating");

    // A substring in the middle of Chinese text, with no spaces around it.
    expect(await ids(null, "网络空间")).toContain(chinese.id);
    expect(await ids(null, "空间命运")).toContain(chinese.id);
    expect(await ids(null, "空间命运共同体的讨论之外")).not.toContain(chinese.id);
    const chineseHit = (await searchAnnotations(null, "命运共同体")).results.find((result) => result.id === chinese.id)!;
    expect(chineseHit.snippet.find((segment) => segment.isMatch)?.text).toBe("命运共同体");

    // Private and hidden: found by their author only.
    for (const viewer of [reader, null]) {
      const found = await ids(viewer, `网络空间 zq${stamp}`);
      expect(found).not.toContain(secret.id);
      expect(found).not.toContain(hidden.id);
    }
    expect(await ids(author, `regulation zq${stamp}`)).toEqual(expect.arrayContaining([english.id, secret.id, hidden.id]));
  });

  it("returns markup in bodies as plain text segments, with only the match marked", async () => {
    const author = await createActor("markup", { domain: "search.test" });
    await createAnnotation(author, input("5.4 billion people", { body: `<img src=x onerror=alert(1)> xss${stamp} payload` }));
    const [hit] = (await searchAnnotations(null, `xss${stamp}`)).results;
    expect(hit!.snippet.map((segment) => segment.text).join("")).toContain("onerror=alert(1)>");
    expect(hit!.snippet.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual([`xss${stamp}`]);
  });
});
