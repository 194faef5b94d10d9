import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { getApiAnnotation } from "@/lib/data/public-api/get-api-annotation";
import { toWebAnnotation } from "@/lib/open-data/web-annotation";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { listPublicAnnotations } from "./list-public-annotations";

const SLUG = "it-open-position";
const seedSource = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const STAYS = "5.4 billion people";
const GOES = "The next decade will be defined by the integration of AI";

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: SLUG } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@open-position.test" } } });
  await testDb.$disconnect();
});

const codePointIndex = (text: string, quote: string) => Array.from(text.slice(0, text.indexOf(quote))).length;

describe("positions in open data", () => {
  it("are where the passage is in the current text after an edit, and absent for a passage the edit removed", async () => {
    const original = parseArticleContent(SLUG, seedSource);
    await saveArticleContent(testDb, original);
    const article = await testDb.article.findUniqueOrThrow({ where: { slug: SLUG } });
    const versionId = article.currentVersionId!;
    const text = buildCanonicalText(original.blocks);
    const author = await createActor("exporter", { domain: "open-position.test" });
    const post = async (quote: string) => {
      const start = codePointIndex(text.text, quote);
      const described = describeRange(text, start, start + Array.from(quote).length, versionId);
      return createAnnotation(author, createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body: `On ${quote}` }));
    };
    const stays = await post(STAYS);
    const goes = await post(GOES);

    // A new opening paragraph moves every later passage; one sentence is cut.
    const edited = parseArticleContent(SLUG, seedSource.replace("As the 2025 World Internet", "A paragraph added at the top moves everything after it.\n\nAs the 2025 World Internet").replace(`${GOES}, the enforcement of the U.N. Cybercrime Convention, and the expansion of multilateral cooperation on data governance.`, ""));
    expect(await saveArticleContent(testDb, edited)).toBe("new-version");
    const now = buildCanonicalText(edited.blocks).text;

    const moved = await getApiAnnotation(null, stays.id);
    expect(moved?.position?.start).toBe(codePointIndex(now, STAYS));
    expect(moved?.position?.start).not.toBe(codePointIndex(text.text, STAYS));
    expect(Array.from(now).slice(moved!.position!.start, moved!.position!.end).join("")).toBe(STAYS);

    const orphan = (await listPublicAnnotations(article.id, { skip: 0, take: 10 })).items.find((item) => item.id === goes.id)!;
    expect(orphan.position).toBeNull();
    expect(toWebAnnotation(orphan, { siteUrl: "https://gloss.test", articleUrl: `https://gloss.test/articles/${SLUG}` }).target).toEqual({
      source: `https://gloss.test/articles/${SLUG}`,
      selector: [{ type: "TextQuoteSelector", exact: GOES, prefix: expect.any(String), suffix: expect.any(String) }],
    });
  });
});
