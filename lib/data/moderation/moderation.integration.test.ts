import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor, refreshActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { createReply } from "@/lib/data/annotations/create-reply";
import { editAnnotation } from "@/lib/data/annotations/edit-annotation";
import { listArticleAnnotations } from "@/lib/data/annotations/list-article-annotations";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { flagAnnotation } from "./flag-annotation";
import { moderateAnnotation } from "./moderate-annotation";
import { moderateUser } from "./moderate-user";
import { listReviewQueue } from "./review-queue";
import { setModerator } from "@/lib/data/users/set-role";
import { deleteAnnotation } from "@/lib/data/annotations/delete-annotation";
import { setPreModeration } from "./set-pre-moderation";
import { noticeInEnglish } from "@/lib/moderation/notice";
import { findPermalinkTarget } from "@/lib/data/annotations/find-permalink";
import { listFeedAnnotations } from "@/lib/data/open-data/list-feed-annotations";
import { listPublicAnnotations } from "@/lib/data/open-data/list-public-annotations";
import { getApiAnnotation } from "@/lib/data/public-api/get-api-annotation";
import { searchAnnotations } from "@/lib/data/search/search-annotations";

process.env.APP_URL ??= "http://gloss.test";

const slug = "it-moderation";
const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent(slug, source);
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

function post(body: string, quote = "Digital Silk Road") {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body });
}
const actor = (name: string, options: Parameters<typeof createActor>[1] = {}) => createActor(name, { domain: "moderation.test", ...options });
const ids = async (viewer: Awaited<ReturnType<typeof actor>> | null) => (await listArticleAnnotations(viewer, articleId, versionId)).map((thread) => thread.root.id);

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@moderation.test" } } });
  await testDb.$disconnect();
});

describe("automatic measures", () => {
  it("hides an annotation pending review once three established readers flag it, not before", async () => {
    const author = await actor("author");
    const { id } = await createAnnotation(author, post("A contested claim"));
    const young = await Promise.all([actor("young1", { ageDays: 0.5 }), actor("young2", { ageDays: 0.5 }), actor("young3", { ageDays: 0.5 })]);
    for (const flagger of young) expect((await flagAnnotation(flagger, { annotationId: id, reason: "SPAM" })).autoHidden).toBe(false);
    const established = await Promise.all([actor("old1"), actor("old2"), actor("old3")]);
    expect((await flagAnnotation(established[0]!, { annotationId: id, reason: "HARASSMENT" })).autoHidden).toBe(false);
    expect((await flagAnnotation(established[1]!, { annotationId: id, reason: "HATE" })).autoHidden).toBe(false);
    expect((await flagAnnotation(established[2]!, { annotationId: id, reason: "OTHER", note: "rude" })).autoHidden).toBe(true);

    const row = await testDb.annotation.findUniqueOrThrow({ where: { id } });
    expect(row.moderationStatus).toBe("PENDING");
    expect(await ids(null)).not.toContain(id);
    expect(await ids(established[0]!)).not.toContain(id);
    // The author still sees it, marked, with the reason.
    const own = (await listArticleAnnotations(author, articleId, versionId)).find((thread) => thread.root.id === id)!;
    expect(own.root.moderation).toMatchObject({ status: "PENDING" });
    expect(await testDb.moderationLogEntry.findFirst({ where: { annotationId: id, action: "auto_hide" } })).toMatchObject({ actorId: null });
    const notices = await testDb.notification.findMany({ where: { userId: author.id, kind: "MODERATION" } });
    expect(notices.map((notice) => noticeInEnglish(notice.text)).join(" ")).toContain("was hidden pending review after several readers flagged it");
    // Never who flagged.
    for (const flagger of established) expect(notices.map((notice) => notice.text).join(" ")).not.toContain(flagger.handle);
  });

  it("flags the same text posted three times within ten minutes", async () => {
    const author = await actor("repeater");
    const first = await createAnnotation(author, post("Buy followers at example dot com!"));
    const second = await createAnnotation(author, post("buy followers at example DOT com", "Looking ahead"));
    expect(await testDb.flag.count({ where: { annotationId: { in: [first.id, second.id] } } })).toBe(0);
    const third = await createReply(author, { parentId: first.id, body: "Buy followers at example dot com", sources: [] });
    const flags = await testDb.flag.findMany({ where: { annotationId: { in: [first.id, second.id, third.id] } } });
    expect(flags).toHaveLength(3);
    expect(flags.every((flag) => flag.reporterId === null && flag.reason === "SPAM")).toBe(true);
    const fourth = await createAnnotation(author, post("Buy followers at example dot com"));
    expect(await testDb.flag.count({ where: { annotationId: { in: [first.id, second.id, third.id, fourth.id] } } })).toBe(4);
  });

  it("counts a copy by its current text: edited away it stops counting, edited into the same text it starts", async () => {
    const author = await actor("editor-repeater");
    const first = await createAnnotation(author, post("Cheap pills here"));
    const second = await createAnnotation(author, post("Something else entirely", "Looking ahead"));
    await editAnnotation(author, { id: first.id, body: "A fair point about the ITU figure" });
    await editAnnotation(author, { id: second.id, body: "cheap pills, here!" });
    const third = await createAnnotation(author, post("Cheap pills here"));
    expect(await testDb.flag.count({ where: { annotationId: { in: [first.id, second.id, third.id] } } })).toBe(0);
    const fourth = await createReply(author, { parentId: second.id, body: "CHEAP PILLS HERE", sources: [] });
    const flagged = (await testDb.flag.findMany({ where: { annotationId: { in: [first.id, second.id, third.id, fourth.id] } } })).map((flag) => flag.annotationId);
    expect(flagged.sort()).toEqual([second.id, third.id, fourth.id].sort());
  });

  it("leaves private notes out of it, and checks an edit's new text", async () => {
    const author = await actor("noter");
    const notes = [];
    for (let index = 0; index < 3; index++) notes.push(await createAnnotation(author, { ...post("Remember to check this"), visibility: "PRIVATE" }));
    expect(await testDb.flag.count({ where: { annotationId: { in: notes.map((note) => note.id) } } })).toBe(0);
    const posts = [];
    for (const body of ["First thought", "Second thought", "Third thought"]) posts.push(await createAnnotation(author, post(body)));
    expect(await testDb.flag.count({ where: { annotationId: { in: posts.map((one) => one.id) } } })).toBe(0);
    for (const one of posts) await editAnnotation(author, { id: one.id, body: "Buy cheap followers now" });
    expect(await testDb.flag.count({ where: { annotationId: { in: posts.map((one) => one.id) }, reporterId: null, reason: "SPAM" } })).toBe(3);
  });

  it("counts copies stored before bodies had keys, by their text", async () => {
    const author = await actor("old-repeater");
    const first = await createAnnotation(author, post("Visit my shop"));
    const second = await createAnnotation(author, post("visit my shop!", "Looking ahead"));
    await testDb.annotation.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { bodyKey: null } });
    const third = await createAnnotation(author, post("Visit my shop"));
    expect(await testDb.flag.count({ where: { annotationId: { in: [first.id, second.id, third.id] } } })).toBe(3);
  });

  it("holds new annotations on a pre-moderated article until approved", async () => {
    const moderator = await actor("premod", { role: "MODERATOR" });
    const author = await actor("newcomer");
    await setPreModeration(moderator, { articleId, enabled: true });
    try {
      const { id } = await createAnnotation(author, post("Held for review"));
      expect(await ids(null)).not.toContain(id);
      expect(await ids(author)).toContain(id);
      await moderateAnnotation(moderator, { annotationId: id, action: "approve", expectedRevision: 0 });
      expect(await ids(null)).toContain(id);
      // An approved text edited into something else waits for a moderator again.
      await editAnnotation(author, { id, body: "Something else entirely" });
      expect(await ids(null)).not.toContain(id);
      expect(await testDb.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ moderationStatus: "PENDING", moderationRevision: 2 });
      await moderateAnnotation(moderator, { annotationId: id, action: "approve", expectedRevision: 2 });
      expect(await ids(null)).toContain(id);
    } finally {
      await setPreModeration(moderator, { articleId, enabled: false });
    }
  });
});

describe("moderators' actions", () => {
  it("never carries a decision over to text or reports the moderator has not seen", async () => {
    const moderator = await actor("stale", { role: "MODERATOR" });
    const author = await actor("editor");
    await setPreModeration(moderator, { articleId, enabled: true });
    try {
      const { id } = await createAnnotation(author, post("Harmless words"));
      const seen = (await testDb.annotation.findUniqueOrThrow({ where: { id } })).moderationRevision;
      // Edited while the moderator reads the harmless version: approving what they saw publishes nothing.
      await editAnnotation(author, { id, body: "Something the moderator never read" });
      await expect(moderateAnnotation(moderator, { annotationId: id, action: "approve", expectedRevision: seen })).rejects.toThrow("The author edited this since you loaded it");
      expect(await testDb.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ moderationStatus: "PENDING" });
      expect(await ids(null)).not.toContain(id);
    } finally {
      await setPreModeration(moderator, { articleId, enabled: false });
    }

    const { id: flagged } = await createAnnotation(author, post("Reported words"));
    await flagAnnotation(await actor("reporter1"), { annotationId: flagged, reason: "SPAM" });
    const seen = (await testDb.annotation.findUniqueOrThrow({ where: { id: flagged } })).moderationRevision;
    await flagAnnotation(await actor("reporter2"), { annotationId: flagged, reason: "HARASSMENT", note: "read the second half" });
    await expect(moderateAnnotation(moderator, { annotationId: flagged, action: "approve", expectedRevision: seen })).rejects.toThrow("A new report arrived");
    expect(await testDb.flag.count({ where: { annotationId: flagged, status: "OPEN" } })).toBe(2);
  });

  it("tells the second of two moderators who handled the item first", async () => {
    const author = await actor("contested");
    const first = await actor("first", { role: "MODERATOR" });
    const second = await actor("second", { role: "MODERATOR" });
    const { id } = await createAnnotation(author, post("Flame bait"));
    const results = await Promise.allSettled([
      moderateAnnotation(first, { annotationId: id, action: "hide", expectedRevision: 0, reason: "Insults" }),
      moderateAnnotation(second, { annotationId: id, action: "lock", expectedRevision: 0, reason: "Heated" }),
    ]);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    const winner = results[0]!.status === "fulfilled" ? first : second;
    expect(String((rejected[0] as PromiseRejectedResult).reason.message)).toContain(`Already handled by @${winner.handle}`);
    expect(await testDb.moderationLogEntry.count({ where: { annotationId: id, action: { in: ["hide", "lock"] } } })).toBe(1);
  });

  it("hides with a reason the author sees, locks a thread against replies, and restores", async () => {
    const author = await actor("hidden");
    const reader = await actor("onlooker");
    const moderator = await actor("judge", { role: "MODERATOR" });
    const { id } = await createAnnotation(author, post("Hide me"));
    await moderateAnnotation(moderator, { annotationId: id, action: "hide", expectedRevision: 0, reason: "Personal attack" });
    expect(await ids(reader)).not.toContain(id);
    const own = (await listArticleAnnotations(author, articleId, versionId)).find((thread) => thread.root.id === id)!;
    expect(own.root.moderation).toEqual({ status: "HIDDEN", reason: "Personal attack" });
    await moderateAnnotation(moderator, { annotationId: id, action: "restore", expectedRevision: 1 });
    await moderateAnnotation(moderator, { annotationId: id, action: "lock", expectedRevision: 2, reason: "Cooling off" });
    await expect(createReply(reader, { parentId: id, body: "One more thing", sources: [] })).rejects.toMatchObject({ status: 409 });
    const log = await testDb.moderationLogEntry.findMany({ where: { annotationId: id }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["hide", "restore", "lock"]);
    expect(log[0]).toMatchObject({ before: { status: "VISIBLE" }, after: { status: "HIDDEN", reason: "Personal attack" }, reason: "Personal attack", actorHandle: moderator.handle });
  });

  it("hiding a thread's first annotation hides its replies everywhere, and closes the thread to replies", async () => {
    const author = await actor("rooter");
    const replier = await actor("replier");
    const moderator = await actor("curtain", { role: "MODERATOR" });
    const { id } = await createAnnotation(author, post("Thread to hide"));
    const word = `zebrafinch${Date.now().toString(36)}`;
    const reply = await createReply(replier, { parentId: id, body: `A reply about ${word}`, sources: [] });
    const everywhere = async (viewer: Awaited<ReturnType<typeof actor>> | null) => ({
      search: (await searchAnnotations(viewer, word)).results.map((result) => result.id),
      export: viewer ? [] : (await listPublicAnnotations(articleId, { skip: 0, take: 1000 })).items.map((item) => item.id),
      feed: viewer ? [] : (await listFeedAnnotations(articleId, 1000)).map((item) => item.id),
      api: (await getApiAnnotation(viewer?.id ?? null, reply.id))?.id ?? null,
      link: (await findPermalinkTarget(viewer, reply.id))?.id ?? null,
    });
    const shown = await everywhere(null);
    expect(shown.search).toContain(reply.id);
    expect(shown.export.some((item) => item.endsWith(reply.id))).toBe(true);
    expect(shown.feed.some((item) => item.endsWith(reply.id))).toBe(true);
    expect([shown.api, shown.link]).toEqual([expect.stringContaining(reply.id), reply.id]);

    await moderateAnnotation(moderator, { annotationId: id, action: "hide", expectedRevision: 0, reason: "Off topic" });
    const hidden = await everywhere(null);
    expect(hidden.search).not.toContain(reply.id);
    expect(hidden.export.some((item) => item.endsWith(reply.id))).toBe(false);
    expect(hidden.feed.some((item) => item.endsWith(reply.id))).toBe(false);
    expect([hidden.api, hidden.link]).toEqual([null, null]);
    expect((await everywhere(await actor("bystander"))).search).not.toContain(reply.id);
    // Each author still sees their own post, and the thread takes no more replies, not even from its author.
    expect((await everywhere(replier)).link).toBe(reply.id);
    await expect(createReply(author, { parentId: id, body: "Same words again", sources: [] })).rejects.toMatchObject({ status: 409, code: "threadRemoved" });
    await expect(createReply(replier, { parentId: reply.id, body: "And again", sources: [] })).rejects.toMatchObject({ status: 409, code: "threadRemoved" });
    const own = (await listArticleAnnotations(author, articleId, versionId)).find((thread) => thread.root.id === id)!;
    expect(own.root.can.reply).toBe(false);

    await moderateAnnotation(moderator, { annotationId: id, action: "restore", expectedRevision: 1 });
    expect((await everywhere(null)).search).toContain(reply.id);
  });

  it("marking a spammer holds all their public content; clearing the mark releases it", async () => {
    const spammer = await actor("spammer");
    const moderator = await actor("sweeper", { role: "MODERATOR" });
    const a = await createAnnotation(spammer, post("one"));
    const b = await createAnnotation(spammer, post("two", "Looking ahead"));
    await moderateUser(moderator, { userId: spammer.id, action: "mark_spammer", expectedRevision: 0, reason: "Link farm" });
    expect(await ids(null)).not.toContain(a.id);
    expect(await ids(null)).not.toContain(b.id);
    const c = await createAnnotation(await refreshActor(spammer), post("three"));
    expect((await testDb.annotation.findUniqueOrThrow({ where: { id: c.id } })).moderationStatus).toBe("PENDING");
    await moderateUser(moderator, { userId: spammer.id, action: "unmark_spammer", expectedRevision: 1 });
    expect(await ids(null)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it("the queue drops what its author deleted, and a reason filter keeps to the chosen status", async () => {
    const moderator = await actor("queuemod", { role: "MODERATOR" });
    const author = await actor("queueauthor");
    const { id: deleted } = await createAnnotation(author, post("Regrettable words"));
    const { id: resolved } = await createAnnotation(author, post("Judged words"));
    const { id: open } = await createAnnotation(author, post("Waiting words"));
    for (const id of [deleted, resolved, open]) await flagAnnotation(await actor(`spotter${id.slice(-4)}`), { annotationId: id, reason: "SPAM" });
    await deleteAnnotation(author, deleted);
    const revision = (await testDb.annotation.findUniqueOrThrow({ where: { id: resolved } })).moderationRevision;
    await moderateAnnotation(moderator, { annotationId: resolved, action: "approve", expectedRevision: revision });

    const queue = async (filters: Partial<Parameters<typeof listReviewQueue>[1]>) =>
      (await listReviewQueue(moderator, { status: "open", ...filters } as Parameters<typeof listReviewQueue>[1])).map((item) => item.id);
    expect(await queue({ status: "open" })).toEqual(expect.arrayContaining([open]));
    expect(await queue({ status: "open" })).not.toContain(deleted);
    const resolvedSpam = await queue({ status: "resolved", reason: "SPAM" });
    expect(resolvedSpam).toContain(resolved);
    expect(resolvedSpam).not.toContain(open);
  });

  it("a moderator marked as a spammer has their new posts held like anyone's", async () => {
    const admin = await actor("markingadmin", { role: "ADMIN" });
    const moderator = await actor("markedmod", { role: "MODERATOR" });
    const user = await testDb.user.findUniqueOrThrow({ where: { id: moderator.id }, select: { moderationRevision: true } });
    await moderateUser(admin, { userId: moderator.id, action: "mark_spammer", expectedRevision: user.moderationRevision, reason: "Link farm" });
    const { id } = await createAnnotation(await refreshActor(moderator), post("Buy cheap links"));
    expect(await testDb.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ moderationStatus: "PENDING" });
    expect(await ids(null)).not.toContain(id);
  });

  it("suspensions stop posting until lifted, and say why and until when", async () => {
    const user = await actor("suspendee");
    const moderator = await actor("warden", { role: "MODERATOR" });
    await moderateUser(moderator, { userId: user.id, action: "suspend", expectedRevision: 0, reason: "Repeated insults", duration: "7d" });
    const suspended = await refreshActor(user);
    expect(suspended.suspension?.endsAt?.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    await expect(createAnnotation(suspended, post("Let me post"))).rejects.toThrow(/suspended until .*Repeated insults/);
    await moderateUser(moderator, { userId: user.id, action: "lift_suspension", expectedRevision: 1 });
    await createAnnotation(await refreshActor(user), post("Back again"));
  });
});

describe("the audit log", () => {
  it("refuses every update and delete", async () => {
    const moderator = await actor("auditor", { role: "MODERATOR" });
    await setPreModeration(moderator, { articleId, enabled: true });
    await setPreModeration(moderator, { articleId, enabled: false });
    const entry = await testDb.moderationLogEntry.findFirstOrThrow({ where: { actorId: moderator.id } });
    await expect(testDb.moderationLogEntry.update({ where: { id: entry.id }, data: { reason: "rewritten" } })).rejects.toThrow(/cannot be changed/);
    await expect(testDb.moderationLogEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/cannot be changed/);
    expect((await testDb.moderationLogEntry.findUniqueOrThrow({ where: { id: entry.id } })).reason).toBe(entry.reason);
  });

  it("records role changes, each post a spam mark holds, and every reply an admin's delete takes with it", async () => {
    const admin = await actor("logadmin", { role: "ADMIN" });
    const promoted = await actor("promoted");
    expect(await setModerator(admin, promoted.id, true)).toBe("changed");
    expect(await testDb.moderationLogEntry.findFirst({ where: { targetUserId: promoted.id, action: "role_change" } })).toMatchObject({ actorId: admin.id, before: { role: "READER" }, after: { role: "MODERATOR" } });

    const spammer = await actor("logspammer");
    const posts = [await createAnnotation(spammer, post("Cheap links one")), await createAnnotation(spammer, post("Cheap links two"))];
    const revision = (await testDb.user.findUniqueOrThrow({ where: { id: spammer.id } })).moderationRevision;
    await moderateUser(admin, { userId: spammer.id, action: "mark_spammer", expectedRevision: revision, reason: "Link farm" });
    for (const { id } of posts) {
      expect(await testDb.moderationLogEntry.findFirst({ where: { annotationId: id, action: "mark_spammer" } })).toMatchObject({ after: { status: "PENDING" } });
    }

    const author = await actor("logroot");
    const replier = await actor("logreplier");
    const { id: root } = await createAnnotation(author, post("A root to delete"));
    const reply = await createReply(replier, { parentId: root, body: "An innocent reply", sources: [] });
    const nested = await createReply(author, { parentId: reply.id, body: "A reply to the reply", sources: [] });
    await moderateAnnotation(admin, { annotationId: root, action: "delete", expectedRevision: 0, reason: "Doxxing" });
    const entries = await testDb.moderationLogEntry.findMany({ where: { annotationId: { in: [root, reply.id, nested.id] }, action: "delete" } });
    expect(entries.map((entry) => entry.annotationId).sort()).toEqual([root, reply.id, nested.id].sort());
    expect(entries.find((entry) => entry.annotationId === root)!.after).toMatchObject({ deleted: true, repliesDeleted: 2 });
    expect(entries.find((entry) => entry.annotationId === reply.id)).toMatchObject({ targetUserId: replier.id, reason: "Doxxing" });
  });
});
