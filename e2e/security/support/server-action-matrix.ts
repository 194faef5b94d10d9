import { randomBytes } from "node:crypto";
import type { Actor, RoleName } from "./actors";
import type { ActionArg } from "./call-server-action";
import type { Targets } from "./mutation-matrix";

export type Outcome = "allowed" | "denied";

export interface ServerActionTargets extends Targets {
  /** A session of the target user, which nobody else may end. */
  otherSessionId: string;
  /** A live personal access token of the target user, which nobody else may revoke. */
  otherTokenId: string;
  /** An unread notification of the target user, which nobody else may mark read. */
  otherNotificationId: string;
  /** The address of an article a check may create. */
  newSlug: string;
  /** The address of an article of its own a check may publish a new version of. */
  editSlug: string;
  /** Its current version, which the edit form sends as the version it was opened on. */
  editVersionId: string;
}

export interface ServerActionRow {
  /** The "use server" module and export, as the build manifest names them. */
  file: string;
  name: string;
  what: string;
  openBecause?: string;
  args(targets: ServerActionTargets, actor: Actor): ActionArg[];
  /** allowed: the scoped tables change; denied: they stay identical. Checked for every role. */
  expect: Record<RoleName, Outcome>;
  /** The check ends the actors' sessions: they sign in again afterwards. */
  endsSessions?: boolean;
  /**
   * Refuses with a write guarded by the caller (an UPDATE "where the owner is the caller" that matches no row), so its
   * refusals are judged by the scoped snapshot only, not by freezing the busiest tables (see whileTablesFrozen).
   */
  refusesWithGuardedWrite?: boolean;
}

const idle = { status: "idle" };
const unique = () => randomBytes(4).toString("hex");
const signedIn: Record<RoleName, Outcome> = {
  signedOut: "denied",
  reader: "allowed",
  unverified: "allowed",
  author: "allowed",
  moderator: "allowed",
  admin: "allowed",
  suspended: "allowed",
  suspendedModerator: "allowed",
};
const nobody: Record<RoleName, Outcome> = {
  signedOut: "denied",
  reader: "denied",
  unverified: "denied",
  author: "denied",
  moderator: "denied",
  admin: "denied",
  suspended: "denied",
  suspendedModerator: "denied",
};
const adminOnly: Record<RoleName, Outcome> = { ...nobody, admin: "allowed" };

/**
 * Every server action against every role. Server actions are public
 * endpoints (anyone can POST their id), so each gets the same treatment as a
 * route handler; one missing from this table fails the suite. Rows that end
 * sessions or delete accounts come last.
 */
export const serverActionMatrix: ServerActionRow[] = [
  {
    file: "lib/actions/admin/set-moderator.ts",
    name: "setModeratorAction",
    what: "make someone a moderator",
    args: ({ userId }) => [{ form: { userId, grant: "true" } }],
    expect: adminOnly,
  },
  {
    file: "lib/actions/articles/save-article.ts",
    name: "saveArticleAction",
    what: "publish an article",
    args: ({ newSlug }) => ["create", idle, { form: { slug: newSlug, title: "Matrix article", author: "Matrix", published: "2024-01-02", body: "A paragraph of the matrix article." } }],
    expect: adminOnly,
  },
  {
    file: "lib/actions/articles/save-article.ts",
    name: "saveArticleAction",
    what: "publish a new version of an existing article",
    args: ({ editSlug, editVersionId }) => ["edit", idle, { form: { slug: editSlug, baseVersionId: editVersionId, title: "Matrix article, edited", author: "Matrix", published: "2024-01-02", body: `An edited paragraph ${unique()}.` } }],
    expect: adminOnly,
  },
  {
    file: "lib/actions/account/profile.ts",
    name: "changeNameAction",
    what: "change one's own display name",
    openBecause: "acts on the caller's own account only",
    args: () => [idle, { form: { name: `Renamed ${unique()}` } }],
    // A suspended account's name shows on its visible posts: it cannot be used to say what the account may not post.
    expect: { ...signedIn, suspended: "denied", suspendedModerator: "denied" },
  },
  {
    file: "lib/actions/account/profile.ts",
    name: "changePasswordAction",
    what: "change a password without knowing the current one",
    args: () => [idle, { form: { currentPassword: "not the password at all", newPassword: `Fresh ${unique()} staple battery` } }],
    expect: nobody,
  },
  {
    file: "lib/actions/account/profile.ts",
    name: "changeEmailAction",
    what: "ask to change one's own address (a link goes to the new one)",
    openBecause: "acts on the caller's own account only; the change waits for the emailed link",
    args: () => [idle, { form: { email: `changed-${unique()}@example.test` } }],
    expect: signedIn,
  },
  {
    file: "lib/actions/account/verify-email.ts",
    name: "verifyEmailAction",
    what: "verify an address with a made-up token",
    openBecause: "authorized by the emailed token, not the session",
    args: () => [idle, { form: { token: `bogus-${unique()}-token-of-some-length` } }],
    expect: nobody,
  },
  {
    file: "lib/actions/account/verify-email.ts",
    name: "resendVerificationAction",
    what: "ask for a new verification link",
    openBecause: "acts on the caller's own unverified address only",
    args: () => [],
    expect: { ...nobody, unverified: "allowed" },
  },
  {
    file: "lib/actions/account/sessions.ts",
    name: "endSessionAction",
    what: "end someone else's session",
    args: ({ otherSessionId }) => [{ form: { sessionId: otherSessionId } }],
    expect: nobody,
  },
  {
    file: "lib/actions/account/api-tokens.ts",
    name: "createApiTokenAction",
    what: "create a personal access token for oneself",
    openBecause: "acts on the caller's own account only; what a token may do is checked on every API request",
    args: () => [idle, { form: { name: `Matrix token ${unique()}`, scopes: "write" } }],
    expect: signedIn,
  },
  {
    file: "lib/actions/account/api-tokens.ts",
    name: "revokeApiTokenAction",
    what: "revoke a token that is not one's own",
    args: ({ otherTokenId }) => [{ form: { tokenId: otherTokenId } }],
    expect: nobody,
  },
  {
    file: "lib/actions/notifications/notification-actions.ts",
    name: "markNotificationReadAction",
    what: "mark a notification that is not one's own as read",
    args: ({ otherNotificationId }) => [{ form: { id: otherNotificationId } }],
    // lib/data/notifications/mark-read.ts: UPDATE … WHERE "userId" = the caller.
    refusesWithGuardedWrite: true,
    expect: nobody,
  },
  {
    file: "lib/actions/notifications/notification-actions.ts",
    name: "markAllNotificationsReadAction",
    what: "mark all of one's own notifications read",
    openBecause: "acts on the caller's own notifications only",
    args: () => [],
    refusesWithGuardedWrite: true,
    // The reply rows above notified the author of the target annotation; nobody else has anything unread, so only the author's rows change.
    expect: { ...nobody, author: "allowed" },
  },
  {
    file: "lib/actions/notifications/notification-actions.ts",
    name: "saveNotificationPreferencesAction",
    what: "change one's own notification settings",
    openBecause: "acts on the caller's own settings only",
    args: () => [
      { form: { "REPLY.inApp": "on", "REPLY.email": "DIGEST", "THREAD_REPLY.email": "OFF", "MENTION.inApp": "on", "MENTION.email": "IMMEDIATE", "MODERATION.inApp": "on", "MODERATION.email": "IMMEDIATE" } },
    ],
    expect: signedIn,
  },
  {
    file: "lib/actions/account/sessions.ts",
    name: "signOutAction",
    what: "sign this browser out",
    openBecause: "acts on the caller's own session only",
    args: () => [],
    expect: signedIn,
    endsSessions: true,
  },
  {
    file: "lib/actions/account/sessions.ts",
    name: "signOutEverywhereAction",
    what: "sign out everywhere",
    openBecause: "acts on the caller's own sessions only",
    args: () => [],
    expect: signedIn,
    endsSessions: true,
  },
  {
    file: "lib/actions/account/delete-account.ts",
    name: "deleteAccountAction",
    what: "delete one's own account (handle and password typed)",
    openBecause: "acts on the caller's own account only, after typing its handle and password",
    args: (_targets, actor) => [idle, { form: { confirmHandle: actor.credentials?.handle ?? "nobody", password: actor.credentials?.password ?? "" } }],
    // Deleting would delete the suspension with it, and the address could sign up afresh.
    expect: { ...signedIn, suspended: "denied", suspendedModerator: "denied" },
  },
];
