import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { getApiAnnotation } from "@/lib/data/public-api/get-api-annotation";
import { listApiAnnotations } from "@/lib/data/public-api/list-api-annotations";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { authenticateApiToken } from "./authenticate-token";
import { createApiToken, MAX_LIVE_TOKENS } from "./create-token";
import { listApiTokens } from "./list-tokens";
import { revokeApiToken } from "./revoke-token";
import { hashToken } from "./token-secret";

const SLUG = "it-api-tokens";
const content = parseArticleContent(SLUG, await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8"));
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug: SLUG } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: SLUG } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@tokens.test" } } });
  await testDb.$disconnect();
});

function annotate(quote: string, visibility: "PUBLIC" | "PRIVATE") {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({
    versionId,
    selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId },
    body: `A ${visibility.toLowerCase()} note`,
    visibility,
  });
}

describe("personal access tokens", () => {
  it("stores only a hash, authenticates the owner with its scopes, and stops at revocation", async () => {
    const owner = await createActor("owner", { domain: "tokens.test" });
    const created = await createApiToken(owner, { name: "sync", scopes: ["write", "write"] });
    if (!created.ok) throw new Error("token not created");
    const row = await testDb.apiToken.findFirstOrThrow({ where: { userId: owner.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.scopes).toEqual(["write"]);

    const caller = await authenticateApiToken(created.token);
    expect(caller).toMatchObject({ actor: { id: owner.id }, scopes: ["write"] });
    expect((await testDb.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    expect(await authenticateApiToken(`${created.token}x`)).toBeNull();

    const other = await createActor("other", { domain: "tokens.test" });
    expect(await revokeApiToken(other.id, row.id)).toBe(false);
    expect(await revokeApiToken(owner.id, row.id)).toBe(true);
    expect(await authenticateApiToken(created.token)).toBeNull();
    expect(await listApiTokens(owner.id)).toEqual([]);
  });

  it("holds at most MAX_LIVE_TOKENS live tokens, even when many are asked for at once", async () => {
    const owner = await createActor("hoarder", { domain: "tokens.test" });
    const results = await Promise.all(Array.from({ length: MAX_LIVE_TOKENS + 5 }, (_, index) => createApiToken(owner, { name: `tool ${index}`, scopes: [] })));
    expect(results.filter((result) => result.ok)).toHaveLength(MAX_LIVE_TOKENS);
    expect(await testDb.apiToken.count({ where: { userId: owner.id, revokedAt: null } })).toBe(MAX_LIVE_TOKENS);
  });

  it("never authenticates a placeholder's token", async () => {
    const owner = await createActor("ghost", { domain: "tokens.test" });
    const created = await createApiToken(owner, { name: "x", scopes: ["read:private"] });
    await testDb.user.update({ where: { id: owner.id }, data: { isPlaceholder: true } });
    expect(created.ok && (await authenticateApiToken(created.token))).toBeNull();
  });

  it("lets read:private see the owner's private annotations only", async () => {
    const owner = await createActor("reader", { domain: "tokens.test" });
    const stranger = await createActor("stranger", { domain: "tokens.test" });
    const privateOne = await createAnnotation(owner, annotate("5.4 billion people", "PRIVATE"));
    const publicOne = await createAnnotation(owner, annotate("cyberspace", "PUBLIC"));

    const anonymous = await listApiAnnotations(null, articleId, { limit: 50 });
    expect(anonymous.items.map((item) => item.id)).toEqual([publicOne.id]);
    const own = await listApiAnnotations(owner.id, articleId, { limit: 50 });
    expect(own.items.map((item) => item.id).sort()).toEqual([privateOne.id, publicOne.id].sort());
    const strangers = await listApiAnnotations(stranger.id, articleId, { limit: 50 });
    expect(strangers.items.map((item) => item.id)).toEqual([publicOne.id]);
    expect(await getApiAnnotation(null, privateOne.id)).toBeNull();
    expect(await getApiAnnotation(stranger.id, privateOne.id)).toBeNull();
    expect(await getApiAnnotation(owner.id, privateOne.id)).toMatchObject({ id: privateOne.id, visibility: "PRIVATE" });

    const firstPage = await listApiAnnotations(owner.id, articleId, { limit: 1 });
    expect(firstPage.hasMore).toBe(true);
    const last = firstPage.items[0]!;
    const secondPage = await listApiAnnotations(owner.id, articleId, { limit: 1, after: { createdAt: last.createdAt, id: last.id } });
    expect(secondPage).toMatchObject({ hasMore: false });
    expect(secondPage.items[0]!.id).not.toBe(last.id);
  });
});
