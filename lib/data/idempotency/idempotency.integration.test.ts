import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { findIdempotentReplay } from "./find-replay";
import { hashRequest, IDEMPOTENCY_WINDOW_MS } from "./idempotency-key";
import { IdempotencyConflictError } from "./write-once";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent("it-idempotency", source);
const canonical = buildCanonicalText(content.blocks);
let versionId = "";

function input(body: string) {
  const quote = "5.4 billion people";
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, body, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId } });
}

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  versionId = (await testDb.article.findUniqueOrThrow({ where: { slug: "it-idempotency" } })).currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: "it-idempotency" } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@idempotency.test" } } });
  await testDb.$disconnect();
});

describe("Idempotency-Key on posts", () => {
  it("stores the response with the post and replays it for the same request", async () => {
    const actor = await createActor("poster", { domain: "idempotency.test" });
    const request = input("Once only");
    const claim = { key: "key-1", requestHash: hashRequest("POST", "/api/annotations", request) };
    const created = await createAnnotation(actor, request, claim);
    expect(await findIdempotentReplay(actor.id, claim)).toEqual({ kind: "replay", status: 200, body: created });
    expect(await findIdempotentReplay(actor.id, { ...claim, requestHash: "other" })).toEqual({ kind: "mismatch" });
    // Keys belong to their user: another may use the same one.
    const other = await createActor("other", { domain: "idempotency.test" });
    expect(await findIdempotentReplay(other.id, claim)).toBeNull();
  });

  it("lets only one of many concurrent duplicates create anything", async () => {
    const actor = await createActor("racer", { domain: "idempotency.test" });
    const request = input("Raced");
    const claim = { key: "race", requestHash: hashRequest("POST", "/api/annotations", request) };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createAnnotation(actor, request, claim)));
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(IdempotencyConflictError);
    expect(await testDb.annotation.count({ where: { authorId: actor.id } })).toBe(1);
  });

  it("forgets a key after 24 hours", async () => {
    const actor = await createActor("late", { domain: "idempotency.test" });
    const request = input("Later");
    const claim = { key: "old", requestHash: hashRequest("POST", "/api/annotations", request) };
    await createAnnotation(actor, request, claim);
    await testDb.idempotencyRecord.update({ where: { userId_key: { userId: actor.id, key: "old" } }, data: { createdAt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS - 1000) } });
    expect(await findIdempotentReplay(actor.id, claim)).toBeNull();
    await createAnnotation(actor, request, claim);
    expect(await testDb.annotation.count({ where: { authorId: actor.id } })).toBe(2);
  });

  it("writes nothing when the post fails", async () => {
    const actor = await createActor("failing", { domain: "idempotency.test" });
    const request = { ...input("Bad"), versionId: "cnotaversion000000000000" };
    await expect(createAnnotation(actor, request, { key: "bad", requestHash: "h" })).rejects.toThrow();
    expect(await testDb.idempotencyRecord.count({ where: { userId: actor.id } })).toBe(0);
  });
});
