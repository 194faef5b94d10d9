/**
 * The authorization matrix: every moderation action, and the posting actions
 * a suspension stops, against every kind of actor. Each denial must leave the
 * database exactly as it was.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/support/actors";
import { testDb } from "@/tests/support/database";
import { describeRange } from "@/lib/anchoring/selectors";
import { buildCanonicalText } from "@/lib/articles/canonical-text";
import { parseArticleContent } from "@/lib/articles/content-file";
import type { Viewer } from "@/lib/auth/viewer";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { createAnnotation } from "@/lib/data/annotations/create-annotation";
import { createReply } from "@/lib/data/annotations/create-reply";
import { editAnnotation } from "@/lib/data/annotations/edit-annotation";
import { AnnotationError } from "@/lib/data/annotations/errors";
import { toggleHelpful } from "@/lib/data/annotations/toggle-helpful";
import type { AnnotationAction, UserAction } from "@/lib/moderation/permissions";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { flagAnnotation } from "./flag-annotation";
import { moderateAnnotation } from "./moderate-annotation";
import { moderateUser } from "./moderate-user";
import { setPreModeration } from "./set-pre-moderation";

process.env.APP_URL ??= "http://gloss.test";

const slug = "it-moderation-matrix";
const source = await readFile(new URL("../../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
const content = parseArticleContent(slug, source);
const canonical = buildCanonicalText(content.blocks);
let articleId = "";
let versionId = "";

function annotationInput(quote: string, body: string) {
  const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(quote))).length;
  const described = describeRange(canonical, start, start + Array.from(quote).length, versionId);
  return createAnnotationSchema.parse({ versionId, selectors: { ...described.quote, ...described.position, startBlockId: described.startBlockId }, body });
}

type ActorKind = "reader" | "author" | "moderator" | "admin" | "suspended reader" | "suspended moderator";
const actorKinds: ActorKind[] = ["reader", "author", "moderator", "admin", "suspended reader", "suspended moderator"];

interface World {
  actors: Record<ActorKind, Viewer>;
  annotationId: string;
  authorId: string;
}

/** A fresh author with a flagged annotation, and one of each kind of actor. */
async function makeWorld(targetState: { status?: "VISIBLE" | "PENDING" | "HIDDEN"; locked?: boolean; authorSuspended?: boolean; authorSpammer?: boolean } = {}): Promise<World> {
  const author = await createActor("author", { domain: "matrix.test" });
  const reader = await createActor("reader", { domain: "matrix.test" });
  const moderator = await createActor("mod", { role: "MODERATOR", domain: "matrix.test" });
  const admin = await createActor("admin", { role: "ADMIN", domain: "matrix.test" });
  const suspendedReader = await createActor("susp", { domain: "matrix.test" });
  const suspendedModerator = await createActor("suspmod", { role: "MODERATOR", domain: "matrix.test" });
  for (const suspended of [suspendedReader, suspendedModerator]) {
    await testDb.suspension.create({ data: { userId: suspended.id, moderatorId: admin.id, reason: "test", endsAt: new Date(Date.now() + 86_400_000) } });
    suspended.suspension = { reason: "test", endsAt: new Date(Date.now() + 86_400_000) };
  }
  const { id } = await createAnnotation(author, annotationInput("Digital Silk Road", `Claim ${Math.random()}`));
  await testDb.flag.create({ data: { annotationId: id, reporterId: reader.id, reason: "MISINFORMATION" } });
  await testDb.annotation.update({ where: { id }, data: { moderationStatus: targetState.status ?? "VISIBLE", lockedAt: targetState.locked ? new Date() : null } });
  if (targetState.authorSuspended) await testDb.suspension.create({ data: { userId: author.id, moderatorId: admin.id, reason: "earlier", endsAt: null } });
  if (targetState.authorSpammer) await testDb.user.update({ where: { id: author.id }, data: { markedSpammerAt: new Date() } });
  return {
    actors: { reader, author, moderator, admin, "suspended reader": suspendedReader, "suspended moderator": suspendedModerator },
    annotationId: id,
    authorId: author.id,
  };
}

/** Everything an action could change, to prove a denial changed nothing. */
async function snapshot() {
  const [annotations, flags, log, suspensions, users, notifications, articles, votes] = await Promise.all([
    testDb.annotation.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { id: true, moderationStatus: true, moderationReason: true, moderationRevision: true, lockedAt: true, body: true } }),
    testDb.flag.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    testDb.moderationLogEntry.count(),
    testDb.suspension.findMany({ orderBy: { id: "asc" }, select: { id: true, liftedAt: true } }),
    testDb.user.findMany({ where: { email: { endsWith: "@matrix.test" } }, orderBy: { id: "asc" }, select: { id: true, markedSpammerAt: true, moderationRevision: true } }),
    testDb.notification.count(),
    testDb.article.findMany({ orderBy: { id: "asc" }, select: { id: true, preModeration: true } }),
    testDb.annotationVote.count(),
  ]);
  return { annotations, flags, log, suspensions, users, notifications, articles, votes };
}

async function expectDenied(run: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the action should have been refused").toBeInstanceOf(AnnotationError);
  expect([403, 404, 400]).toContain((error as AnnotationError).status);
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  await saveArticleContent(testDb, content);
  const article = await testDb.article.findUniqueOrThrow({ where: { slug } });
  articleId = article.id;
  versionId = article.currentVersionId!;
});

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug } });
  await testDb.user.deleteMany({ where: { email: { endsWith: "@matrix.test" } } });
  await testDb.$disconnect();
});

/** Who may take each annotation action on a reader's annotation. */
const annotationMatrix: Record<AnnotationAction, { allowed: ActorKind[]; state?: Parameters<typeof makeWorld>[0] }> = {
  approve: { allowed: ["moderator", "admin"] },
  hide: { allowed: ["moderator", "admin"] },
  restore: { allowed: ["moderator", "admin"], state: { status: "HIDDEN" } },
  lock: { allowed: ["moderator", "admin"] },
  unlock: { allowed: ["moderator", "admin"], state: { locked: true } },
  delete: { allowed: ["admin"] },
};

const userMatrix: Record<UserAction, { allowed: ActorKind[]; state?: Parameters<typeof makeWorld>[0] }> = {
  suspend: { allowed: ["moderator", "admin"] },
  lift_suspension: { allowed: ["moderator", "admin"], state: { authorSuspended: true } },
  mark_spammer: { allowed: ["moderator", "admin"] },
  unmark_spammer: { allowed: ["moderator", "admin"], state: { authorSpammer: true } },
};

describe("annotation moderation actions", () => {
  for (const [action, rule] of Object.entries(annotationMatrix) as Array<[AnnotationAction, (typeof annotationMatrix)[AnnotationAction]]>) {
    for (const kind of actorKinds) {
      const allowed = rule.allowed.includes(kind);
      it(`${action} by ${kind}: ${allowed ? "allowed" : "denied"}`, async () => {
        const world = await makeWorld(rule.state);
        const revision = (await testDb.annotation.findUniqueOrThrow({ where: { id: world.annotationId } })).moderationRevision;
        const run = () => moderateAnnotation(world.actors[kind], { annotationId: world.annotationId, action, expectedRevision: revision, reason: "matrix" });
        if (!allowed) return expectDenied(run);
        const logBefore = await testDb.moderationLogEntry.count({ where: { annotationId: world.annotationId } });
        await run();
        const log = await testDb.moderationLogEntry.findMany({ where: { annotationId: world.annotationId }, orderBy: { createdAt: "asc" } });
        expect(log.length).toBe(logBefore + 1);
        expect(log.at(-1)).toMatchObject({ action, actorId: world.actors[kind].id, reason: "matrix", targetUserId: world.authorId });
      });
    }
  }
});

describe("account moderation actions", () => {
  for (const [action, rule] of Object.entries(userMatrix) as Array<[UserAction, (typeof userMatrix)[UserAction]]>) {
    for (const kind of actorKinds) {
      // Acting on one's own account is its own row below; here the author is the target.
      const allowed = rule.allowed.includes(kind);
      it(`${action} on the author by ${kind}: ${allowed ? "allowed" : "denied"}`, async () => {
        const world = await makeWorld(rule.state);
        const run = () => moderateUser(world.actors[kind], { userId: world.authorId, action, expectedRevision: 0, reason: "matrix", duration: "7d" });
        if (!allowed) return expectDenied(run);
        await run();
        expect(await testDb.moderationLogEntry.count({ where: { targetUserId: world.authorId, action, annotationId: null } })).toBe(1);
      });
    }
  }

  it("moderators cannot act on admins, other moderators' accounts, or themselves; admins can act on moderators", async () => {
    const world = await makeWorld();
    const { moderator, admin } = world.actors;
    const otherModerator = await createActor("mod2", { role: "MODERATOR", domain: "matrix.test" });
    await expectDenied(() => moderateUser(moderator, { userId: admin.id, action: "suspend", expectedRevision: 0, reason: "x", duration: "1d" }));
    await expectDenied(() => moderateUser(moderator, { userId: otherModerator.id, action: "suspend", expectedRevision: 0, reason: "x", duration: "1d" }));
    await expectDenied(() => moderateUser(moderator, { userId: moderator.id, action: "mark_spammer", expectedRevision: 0, reason: "x" }));
    await expectDenied(() => moderateUser(admin, { userId: admin.id, action: "suspend", expectedRevision: 0, reason: "x", duration: "1d" }));
    await moderateUser(admin, { userId: otherModerator.id, action: "suspend", expectedRevision: 0, reason: "x", duration: "1d" });
  });

  it("moderators cannot settle flags on their own content, nor act on an admin's", async () => {
    const world = await makeWorld();
    const { moderator, admin, reader } = world.actors;
    const own = await createAnnotation(moderator, annotationInput("Looking ahead", "Moderator's own note"));
    await testDb.flag.create({ data: { annotationId: own.id, reporterId: reader.id, reason: "SPAM" } });
    await expectDenied(() => moderateAnnotation(moderator, { annotationId: own.id, action: "approve", expectedRevision: 0 }));
    await expectDenied(() => moderateAnnotation(moderator, { annotationId: own.id, action: "hide", expectedRevision: 0, reason: "x" }));
    const admins = await createAnnotation(admin, annotationInput("Looking ahead", "Admin's note"));
    await expectDenied(() => moderateAnnotation(moderator, { annotationId: admins.id, action: "hide", expectedRevision: 0, reason: "x" }));
    await moderateAnnotation(admin, { annotationId: own.id, action: "approve", expectedRevision: 0 });
  });
});

describe("flagging, pre-moderation and posting", () => {
  it("flag: any verified, unsuspended reader but the author", async () => {
    for (const kind of actorKinds) {
      const world = await makeWorld();
      // The reader already flagged in makeWorld: a second flag by them is a conflict, tested below.
      if (kind === "reader") continue;
      const run = () => flagAnnotation(world.actors[kind], { annotationId: world.annotationId, reason: "SPAM" });
      if (kind === "author" || kind.startsWith("suspended")) await expectDenied(run);
      else await run();
    }
  });

  it("flags once per person", async () => {
    const world = await makeWorld();
    const before = await snapshot();
    await expect(flagAnnotation(world.actors.reader, { annotationId: world.annotationId, reason: "SPAM" })).rejects.toMatchObject({ status: 409 });
    expect(await snapshot()).toEqual(before);
  });

  it("pre-moderation: moderators and admins only", async () => {
    const world = await makeWorld();
    for (const kind of actorKinds) {
      const run = () => setPreModeration(world.actors[kind], { articleId, enabled: true });
      if (kind === "moderator" || kind === "admin") {
        await run();
        await setPreModeration(world.actors[kind], { articleId, enabled: false });
      } else await expectDenied(run);
    }
  });

  it("a suspended user cannot post, reply, edit, vote or flag", async () => {
    const world = await makeWorld();
    const suspended = world.actors["suspended reader"];
    const own = await testDb.annotation.create({
      data: { articleId, versionId, authorId: suspended.id, body: "written before", quoteExact: "x", positionStart: 0, positionEnd: 1 },
    });
    await expectDenied(() => createAnnotation(suspended, annotationInput("Looking ahead", "new")));
    await expectDenied(() => createReply(suspended, { parentId: world.annotationId, body: "reply", sources: [] }));
    await expectDenied(() => editAnnotation(suspended, { id: own.id, body: "changed" }));
    await expectDenied(() => toggleHelpful(suspended, world.annotationId));
    await expectDenied(() => flagAnnotation(suspended, { annotationId: world.annotationId, reason: "SPAM" }));
    const error = await createAnnotation(suspended, annotationInput("Looking ahead", "new")).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toMatch(/suspended until .* UTC\. Reason: test/);
  });
});
