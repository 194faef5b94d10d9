import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/database";
import { deleteUserAccount } from "./delete-account";

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: { startsWith: "it-delete-" } } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@delete.test" } } });
  await testDb.$disconnect();
});

async function setUp(label: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const article = await testDb.article.create({ data: { slug: `it-delete-${stamp}`, title: "T", author: "A", summary: "S", publishedAt: new Date() } });
  const version = await testDb.articleVersion.create({ data: { articleId: article.id, number: 1, blocks: [], contentHash: stamp } });
  const leaving = await testDb.user.create({ data: { email: `${label}-${stamp}@delete.test`, name: "Leaving", handle: `leave_${stamp}` } });
  const staying = await testDb.user.create({ data: { email: `stay-${stamp}@delete.test`, name: "Staying", handle: `stay_${stamp}` } });
  const base = { articleId: article.id, versionId: version.id };
  const answered = await testDb.annotation.create({ data: { ...base, authorId: leaving.id, body: "answered", sources: { create: { url: "https://a.example/", stance: "SUPPORTS", position: 0 } } } });
  const reply = await testDb.annotation.create({ data: { ...base, authorId: staying.id, parentId: answered.id, rootId: answered.id, body: "a reply" } });
  const lonely = await testDb.annotation.create({ data: { ...base, authorId: leaving.id, body: "lonely" } });
  const secret = await testDb.annotation.create({ data: { ...base, authorId: leaving.id, body: "secret", visibility: "PRIVATE" } });
  return { leaving, answered, reply, lonely, secret };
}

describe("deleteUserAccount", () => {
  it("keeps public annotations as by a deleted user, and deletes private ones", async () => {
    const { leaving, answered, lonely, secret } = await setUp("keep");
    await deleteUserAccount(leaving.id, { deletePublicAnnotations: false });
    expect(await testDb.user.findUnique({ where: { id: leaving.id } })).toBeNull();
    expect(await testDb.annotation.findUnique({ where: { id: secret.id } })).toBeNull();
    expect(await testDb.annotation.findUniqueOrThrow({ where: { id: lonely.id } })).toMatchObject({ authorId: null, body: "lonely" });
    expect(await testDb.annotation.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({ authorId: null, body: "answered" });
  });

  it("on request, deletes public ones too, leaving placeholders where others replied", async () => {
    const { leaving, answered, reply, lonely } = await setUp("purge");
    await deleteUserAccount(leaving.id, { deletePublicAnnotations: true });
    expect(await testDb.annotation.findUnique({ where: { id: lonely.id } })).toBeNull();
    const placeholder = await testDb.annotation.findUniqueOrThrow({ where: { id: answered.id }, include: { sources: true } });
    expect(placeholder).toMatchObject({ body: null, authorId: null });
    expect(placeholder.deletedAt).not.toBeNull();
    expect(placeholder.sources).toEqual([]);
    expect(await testDb.annotation.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ body: "a reply" });
  });

  it("takes the leaving user's helpful votes out of the counts", async () => {
    const { leaving, reply } = await setUp("voter");
    const other = await testDb.user.create({ data: { email: `other-${leaving.handle}@delete.test`, name: "Other", handle: `other_${leaving.handle}`.slice(0, 30) } });
    await testDb.annotationVote.createMany({ data: [{ annotationId: reply.id, userId: leaving.id }, { annotationId: reply.id, userId: other.id }] });
    await testDb.annotation.update({ where: { id: reply.id }, data: { helpfulCount: 2 } });
    await deleteUserAccount(leaving.id, { deletePublicAnnotations: false });
    expect(await testDb.annotation.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ helpfulCount: 1 });
    expect(await testDb.annotationVote.count({ where: { annotationId: reply.id } })).toBe(1);
  });
});
