import { describe, expect, it } from "vitest";
import { bodyKeyOf, duplicateKey } from "./duplicate-body";
import { flagWeight, flagsReachThreshold } from "./flag-weight";
import { allowedAnnotationActions, allowedUserActions, type AnnotationFacts } from "./permissions";
import { AnnotationError } from "@/lib/data/annotations/errors";
import { isSuspensionActive, suspensionEnd, suspensionValues } from "./suspension";

const now = new Date("2026-11-28T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("flag weight", () => {
  it("counts fresh and unverified accounts for nothing, young ones for half, established ones in full", () => {
    expect(flagWeight({ role: "READER", isEmailVerified: true, createdAt: daysAgo(0.5) }, now, 3)).toBe(0);
    expect(flagWeight({ role: "READER", isEmailVerified: false, createdAt: daysAgo(30) }, now, 3)).toBe(0);
    expect(flagWeight({ role: "READER", isEmailVerified: true, createdAt: daysAgo(2) }, now, 3)).toBe(0.5);
    expect(flagWeight({ role: "READER", isEmailVerified: true, createdAt: daysAgo(3) }, now, 3)).toBe(1);
    expect(flagWeight({ role: "MODERATOR", isEmailVerified: true, createdAt: daysAgo(0) }, now, 3)).toBe(1);
  });

  it("reaches the threshold with three established flaggers, or six young ones", () => {
    const established = { role: "READER" as const, isEmailVerified: true, createdAt: daysAgo(10) };
    const young = { role: "READER" as const, isEmailVerified: true, createdAt: daysAgo(2) };
    const options = { establishedDays: 3, threshold: 3 };
    expect(flagsReachThreshold([established, established], now, options)).toBe(false);
    expect(flagsReachThreshold([established, established, established], now, options)).toBe(true);
    expect(flagsReachThreshold(Array(5).fill(young), now, options)).toBe(false);
    expect(flagsReachThreshold(Array(6).fill(young), now, options)).toBe(true);
  });
});

describe("moderation permissions", () => {
  const flagged: AnnotationFacts = { authorId: "author", authorRole: "READER", status: "VISIBLE", isRoot: true, isLocked: false, hasOpenFlags: true, isDeleted: false };
  const moderator = { id: "mod", role: "MODERATOR" as const, isSuspended: false };
  const admin = { id: "admin", role: "ADMIN" as const, isSuspended: false };

  it("offers what fits the annotation's state", () => {
    expect(allowedAnnotationActions(moderator, flagged)).toEqual(["approve", "hide", "lock"]);
    expect(allowedAnnotationActions(moderator, { ...flagged, status: "HIDDEN", hasOpenFlags: false, isLocked: true })).toEqual(["restore", "unlock"]);
    expect(allowedAnnotationActions(moderator, { ...flagged, status: "PENDING", isRoot: false })).toEqual(["approve", "hide", "restore"]);
    expect(allowedAnnotationActions(admin, flagged)).toContain("delete");
  });

  it("refuses readers, suspended moderators, one's own content and moderators on admins", () => {
    expect(allowedAnnotationActions({ id: "r", role: "READER", isSuspended: false }, flagged)).toEqual([]);
    expect(allowedAnnotationActions(null, flagged)).toEqual([]);
    expect(allowedAnnotationActions({ ...moderator, isSuspended: true }, flagged)).toEqual([]);
    expect(allowedAnnotationActions(moderator, { ...flagged, authorId: "mod" })).toEqual([]);
    expect(allowedAnnotationActions(moderator, { ...flagged, authorRole: "ADMIN" })).toEqual([]);
    expect(allowedAnnotationActions(admin, { ...flagged, authorRole: "ADMIN", authorId: "other-admin" })).not.toEqual([]);
  });

  it("limits account actions by role", () => {
    const reader = { id: "r", role: "READER" as const, isSuspended: false, isMarkedSpammer: false };
    expect(allowedUserActions(moderator, reader)).toEqual(["suspend", "mark_spammer"]);
    expect(allowedUserActions(moderator, { ...reader, isSuspended: true, isMarkedSpammer: true })).toEqual(["lift_suspension", "unmark_spammer"]);
    expect(allowedUserActions(moderator, { ...reader, role: "MODERATOR" })).toEqual([]);
    expect(allowedUserActions(admin, { ...reader, role: "MODERATOR" })).toEqual(["suspend", "mark_spammer"]);
    expect(allowedUserActions(admin, { ...reader, role: "ADMIN" })).toEqual([]);
    expect(allowedUserActions(moderator, { ...reader, id: "mod" })).toEqual([]);
  });
});

describe("suspensions", () => {
  it("ends after the chosen length, or never", () => {
    expect(suspensionEnd("1d", now)?.toISOString()).toBe("2026-11-29T12:00:00.000Z");
    expect(suspensionEnd("30d", now)?.toISOString()).toBe("2026-12-28T12:00:00.000Z");
    expect(suspensionEnd("permanent", now)).toBeNull();
  });

  it("is active until it ends or is lifted", () => {
    expect(isSuspensionActive({ liftedAt: null, endsAt: null }, now)).toBe(true);
    expect(isSuspensionActive({ liftedAt: null, endsAt: daysAgo(-1) }, now)).toBe(true);
    expect(isSuspensionActive({ liftedAt: null, endsAt: daysAgo(1) }, now)).toBe(false);
    expect(isSuspensionActive({ liftedAt: daysAgo(0), endsAt: null }, now)).toBe(false);
  });

  it("tells the person why and until when", () => {
    const notice = (suspension: { reason: string; endsAt: Date | null }) => new AnnotationError(403, "suspended", { values: suspensionValues(suspension) }).message;
    expect(notice({ reason: "Insults", endsAt: null })).toBe("Your account is suspended permanently. Reason: Insults");
    expect(notice({ reason: "Spam", endsAt: now })).toBe("Your account is suspended until Nov 28, 2026, 12:00 PM UTC. Reason: Spam");
  });
});

describe("duplicate posts", () => {
  it("treats case, spacing and punctuation as the same text", () => {
    expect(duplicateKey("Buy  followers, NOW!")).toBe(duplicateKey("buy followers now"));
    expect(duplicateKey("Buy followers now")).not.toBe(duplicateKey("Buy followers later"));
    expect(duplicateKey("买粉丝！")).toBe(duplicateKey("买粉丝"));
  });

  it("stores a fixed-size digest of that form", () => {
    expect(bodyKeyOf("Buy  followers, NOW!")).toBe(bodyKeyOf("buy followers now"));
    expect(bodyKeyOf("Buy followers now")).not.toBe(bodyKeyOf("Buy followers later"));
    expect(bodyKeyOf("x".repeat(10_000))).toHaveLength(43);
    expect(bodyKeyOf(null)).toBeNull();
  });
});
