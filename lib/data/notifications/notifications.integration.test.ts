import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import type { Viewer } from "@/lib/auth/viewer";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { createReply } from "@/lib/data/annotations/create-reply";
import { deleteAnnotation } from "@/lib/data/annotations/delete-annotation";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { moderateAnnotation } from "@/lib/data/moderation/moderate-annotation";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { countUnreadNotifications, listNotifications } from "./list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";
import { saveNotificationPreferences } from "./preferences";
import { sendDigests } from "./send-notification-emails";
import { DEFAULT_PREFERENCES } from "@/lib/notifications/preferences";

const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent("it-notifications", source);
const canonical = buildCanonicalText(content.blocks);
let versionId = "";

function input(quote: string, extra: Record<string, unknown> = {}) {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body: "A note", ...extra });
}

const actor = (name: string) => createActor(name, { domain: "notify.test" });
const kindsFor = async (viewer: Viewer) => (await testDb.notification.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "asc" } })).map((row) => row.kind);

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  versionId = (await testDb.article.findUniqueOrThrow({ where: { slug: "it-notifications" } })).currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug: "it-notifications" } });
  await testDb.outboxMessage.deleteMany({ where: { to: { endsWith: "@notify.test" } } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@notify.test" } } });
  await testDb.$disconnect();
});

describe("notifications", () => {
  it("tell the author of a reply, the thread's other participants and mentioned people, each once", async () => {
    const author = await actor("root");
    const first = await actor("first");
    const second = await actor("second");
    const mentioned = await actor("named");
    const { id } = await createAnnotation(author, input("5.4 billion people"));
    const reply = await createReply(first, { parentId: id, body: "First reply", sources: [] });
    await createReply(second, { parentId: reply.id, body: `Replying to first, cc @${mentioned.handle} and @${author.handle}`, sources: [] });

    expect(await kindsFor(author)).toEqual(["REPLY", "MENTION"]);
    expect(await kindsFor(first)).toEqual(["REPLY"]);
    expect(await kindsFor(mentioned)).toEqual(["MENTION"]);
    expect(await kindsFor(second)).toEqual([]);
    const [latest] = await listNotifications(first);
    expect(latest).toMatchObject({ kind: "REPLY", actorHandle: second.handle, annotationId: expect.any(String), isRead: false });
    expect(await countUnreadNotifications(author)).toBe(2);
    // Someone else's id matches nothing.
    const [own] = await listNotifications(author);
    expect(await markNotificationRead(second, own!.id)).toBe(false);
    expect(await countUnreadNotifications(author)).toBe(2);
    expect(await markNotificationRead(author, own!.id)).toBe(true);
    await markAllNotificationsRead(author);
    expect(await countUnreadNotifications(author)).toBe(0);
  });

  it("are not created for a kind switched off, nor sent by email; email-only kinds stay out of the app", async () => {
    const author = await actor("quiet");
    const replier = await actor("chatty");
    await saveNotificationPreferences(author, { ...DEFAULT_PREFERENCES, REPLY: { inApp: false, email: "OFF" }, MENTION: { inApp: false, email: "IMMEDIATE" } });
    const { id } = await createAnnotation(author, input("Digital Silk Road"));
    await createReply(replier, { parentId: id, body: "No one will hear this", sources: [] });
    expect(await kindsFor(author)).toEqual([]);
    expect(await testDb.outboxMessage.count({ where: { to: author.email } })).toBe(0);

    const { id: other } = await createAnnotation(replier, input("Looking ahead"));
    await createReply(replier, { parentId: other, body: `Hey @${author.handle}`, sources: [] });
    expect(await kindsFor(author)).toEqual(["MENTION"]);
    expect(await listNotifications(author)).toEqual([]);
    const mail = await testDb.outboxMessage.findMany({ where: { to: author.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(`@${replier.handle} mentioned you`);
  });

  it("are not made from private posts", async () => {
    const author = await actor("private");
    const named = await actor("privnamed");
    await createAnnotation(author, input("more than $6 trillion annually", { visibility: "PRIVATE", body: `note to self about @${named.handle}` }));
    expect(await kindsFor(named)).toEqual([]);
  });

  it("wait for a held post until a moderator approves it", async () => {
    const author = await actor("heldroot");
    const replier = await actor("heldreply");
    const moderator = await createActor("heldmod", { domain: "notify.test", role: "MODERATOR" });
    const { id } = await createAnnotation(author, input("Digital Silk Road"));
    await testDb.article.update({ where: { slug: "it-notifications" }, data: { preModeration: true } });
    try {
      const reply = await createReply(replier, { parentId: id, body: "Held reply", sources: [] });
      expect(await kindsFor(author)).toEqual([]);
      await moderateAnnotation(moderator, { annotationId: reply.id, action: "approve", expectedRevision: 0 });
      expect(await kindsFor(author)).toEqual(["REPLY"]);
    } finally {
      await testDb.article.update({ where: { slug: "it-notifications" }, data: { preModeration: false } });
    }
  });

  it("leave the bell and the digest when the post they are about is hidden or deleted, and follow a changed setting", async () => {
    const author = await actor("watched");
    const replier = await actor("chatter");
    const moderator = await createActor("tidy", { domain: "notify.test", role: "MODERATOR" });
    await saveNotificationPreferences(author, { ...DEFAULT_PREFERENCES, REPLY: { inApp: true, email: "DIGEST" } });
    const { id } = await createAnnotation(author, input("Looking ahead"));
    await createReply(replier, { parentId: id, body: "A reply that stays", sources: [] });
    const hidden = await createReply(replier, { parentId: id, body: "A reply moderators hide", sources: [] });
    const deleted = await createReply(replier, { parentId: id, body: "A reply its author deletes", sources: [] });
    await moderateAnnotation(moderator, { annotationId: hidden.id, action: "hide", expectedRevision: 0, reason: "Insult" });
    await deleteAnnotation(replier, deleted.id);
    expect((await listNotifications(author)).map((item) => item.text)).toEqual(["A reply that stays"]);
    expect(await countUnreadNotifications(author)).toBe(1);
    expect(await sendDigests({ olderThanMs: 0 })).toBeGreaterThanOrEqual(1);
    const [mail] = await testDb.outboxMessage.findMany({ where: { to: author.email } });
    expect(mail!.text).toContain("A reply that stays");
    expect(mail!.text).not.toContain("moderators hide");
    expect(mail!.text).not.toContain("its author deletes");

    // Switched off by email, what waits is not mailed.
    const quiet = await actor("quiet");
    await saveNotificationPreferences(quiet, { ...DEFAULT_PREFERENCES, REPLY: { inApp: true, email: "DIGEST" } });
    const own = await createAnnotation(quiet, input("Looking ahead"));
    await createReply(replier, { parentId: own.id, body: "Waiting for the digest", sources: [] });
    await saveNotificationPreferences(quiet, { ...DEFAULT_PREFERENCES, REPLY: { inApp: true, email: "OFF" } });
    await sendDigests({ olderThanMs: 0 });
    expect(await testDb.outboxMessage.count({ where: { to: quiet.email } })).toBe(0);
  });

  it("go out once as a digest, even when two runners claim at the same time", async () => {
    const author = await actor("digest");
    const replier = await actor("digester");
    await saveNotificationPreferences(author, { ...DEFAULT_PREFERENCES, REPLY: { inApp: true, email: "DIGEST" } });
    const { id } = await createAnnotation(author, input("5.4 billion people"));
    await createReply(replier, { parentId: id, body: "one", sources: [] });
    await createReply(replier, { parentId: id, body: "two", sources: [] });
    expect(await testDb.outboxMessage.count({ where: { to: author.email } })).toBe(0);
    // Not due yet: the oldest waiting item is younger than a day.
    expect(await sendDigests()).toBe(0);
    const sent = await Promise.all([sendDigests({ olderThanMs: 0 }), sendDigests({ olderThanMs: 0 })]);
    const mail = await testDb.outboxMessage.findMany({ where: { to: author.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Your Gloss digest");
    expect(mail[0]!.text).toContain("(2)");
    expect(sent.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
  });
});
