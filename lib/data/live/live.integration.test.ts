import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { createReply } from "@/lib/data/annotations/create-reply";
import { editAnnotation } from "@/lib/data/annotations/edit-annotation";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { moderateAnnotation } from "@/lib/data/moderation/moderate-annotation";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { latestLiveEventId, loadLiveMessages } from "./load-live-messages";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent("it-live", source);
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

function input(quote: string, extra: Record<string, unknown> = {}) {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body: "A note", ...extra });
}

const actor = (name: string, role: "READER" | "MODERATOR" = "READER") => createActor(name, { domain: "live.test", role });

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug: "it-live" } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.liveEvent.deleteMany({ where: { articleId } });
  await testDb.article.deleteMany({ where: { slug: "it-live" } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@live.test" } } });
  await testDb.$disconnect();
});

describe("live events", () => {
  it("are written with each change and filtered for each viewer at delivery", async () => {
    const start = await latestLiveEventId(articleId);
    const author = await actor("author");
    const other = await actor("other");
    const moderator = await actor("mod", "MODERATOR");
    const open = await createAnnotation(author, input("5.4 billion people"));
    const secret = await createAnnotation(author, input("Looking ahead", { visibility: "PRIVATE", body: "private" }));
    const reply = await createReply(other, { parentId: open.id, body: "A reply", sources: [] });
    await editAnnotation(author, { id: secret.id, body: "still private" });
    await moderateAnnotation(moderator, { annotationId: reply.id, action: "hide", expectedRevision: 0, reason: "Rude" });

    const forAuthor = await loadLiveMessages(author, articleId, start);
    const forOther = await loadLiveMessages(other, articleId, start);
    const forAnonymous = await loadLiveMessages(null, articleId, start);

    // The author sees their private note's events; nobody else hears of it at all.
    expect(forAuthor.messages.filter((message) => message.annotationId === secret.id).map((message) => message.kind)).toEqual(["annotation.created", "annotation.updated"]);
    for (const view of [forOther, forAnonymous]) expect(view.messages.some((message) => message.annotationId === secret.id)).toBe(false);

    // The hidden reply: its author still sees it; others only learn to drop it, with no thread or content.
    expect(forOther.messages.filter((message) => message.annotationId === reply.id).map((message) => [message.kind, message.isVisible])).toEqual([
      ["annotation.created", true],
      ["annotation.hidden", true],
    ]);
    const anonymousReply = forAnonymous.messages.filter((message) => message.annotationId === reply.id);
    expect(anonymousReply).toEqual([expect.objectContaining({ kind: "annotation.hidden", isVisible: false, rootId: null })]);
    expect(forAuthor.messages.find((message) => message.annotationId === open.id)).toMatchObject({ rootId: null, isOwn: true, isVisible: true });
    expect(forAnonymous.messages.find((message) => message.annotationId === open.id)).toMatchObject({ isOwn: false, isVisible: true });
  });

  it("resume after the last event id with no gap and no repeat", async () => {
    const author = await actor("resume");
    const start = await latestLiveEventId(articleId);
    const first = await createAnnotation(author, input("Digital Silk Road"));
    const seen = await loadLiveMessages(null, articleId, start);
    expect(seen.messages.map((message) => message.annotationId)).toEqual([first.id]);
    const lastEventId = BigInt(seen.messages.at(-1)!.id);

    // While "disconnected", more happens, written concurrently.
    const more = await Promise.all([0, 1, 2, 3, 4].map((index) => createReply(author, { parentId: first.id, body: `reply ${index}`, sources: [] })));
    const resumed = await loadLiveMessages(null, articleId, lastEventId);
    expect(resumed.messages.map((message) => message.annotationId).sort()).toEqual(more.map((reply) => reply.id).sort());
    const ids = resumed.messages.map((message) => BigInt(message.id));
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
    expect((await loadLiveMessages(null, articleId, resumed.cursor)).messages).toEqual([]);
  });
});
