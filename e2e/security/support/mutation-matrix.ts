import { randomBytes } from "node:crypto";
import type { RoleName } from "./actors";
import type { OwnArticle } from "./seed-targets";

export type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/** Fresh things for one check to act on, so every role meets the same starting state. */
export interface Targets {
  article: OwnArticle;
  /** A public annotation written by the `author` actor. */
  annotationId: string;
  /** A public annotation written by the `admin` actor, which moderators may not touch. */
  adminAnnotationId: string;
  /** A reader nobody else acts on, for account moderation. */
  userId: string;
}

export interface MatrixRequest {
  path: string;
  data?: Record<string, unknown>;
  form?: Record<string, string>;
}

export interface MutationRow {
  /** The route file, relative to the repository root. */
  route: string;
  method: Method;
  what: string;
  /** For endpoints anyone may call: what protects them instead. */
  openBecause?: string;
  /** True when even a success must leave the tables unchanged (previews, refused next-auth posts, bogus tokens). */
  writesNothing?: boolean;
  /**
   * Refuses with a write guarded by the caller (an UPDATE "where the owner is the caller" that matches no row), so its
   * refusals are judged by the scoped snapshot only, not by freezing the busiest tables (see whileTablesFrozen).
   */
  refusesWithGuardedWrite?: boolean;
  request(targets: Targets): MatrixRequest;
  /** The status each role must get: 2xx/3xx allowed, 4xx denied (and the database unchanged). */
  expect: Record<RoleName, number>;
}

const unique = () => randomBytes(4).toString("hex");

/** Members of the public may annotate, reply, vote and flag once verified and not suspended. */
const participate = (ownContent: number) => ({ signedOut: 401, reader: 200, unverified: 403, author: ownContent, moderator: 200, admin: 200, suspended: 403, suspendedModerator: 403 });
/** Only the author may change their own annotation; to anyone else it does not exist. */
const authorOnly = { signedOut: 401, reader: 404, unverified: 404, author: 200, moderator: 404, admin: 404, suspended: 404, suspendedModerator: 404 };
/** Moderation endpoints do not exist for anyone but active moderators and admins (a suspended moderator is not one). */
const moderatorsOnly = { signedOut: 404, reader: 404, unverified: 404, author: 404, moderator: 200, admin: 200, suspended: 404, suspendedModerator: 404 };
/** What a moderator gets for an action lib/moderation/permissions.ts does not allow them. */
const MODERATOR_REFUSED = 403;
const everyone = (status: number) => ({ signedOut: status, reader: status, unverified: status, author: status, moderator: status, admin: status, suspended: status, suspendedModerator: status });

/**
 * Every state-changing route handler against every role. A route file with a
 * POST/PUT/PATCH/DELETE export and no row here fails the suite, so a new
 * endpoint cannot ship untested.
 */
export const mutationMatrix: MutationRow[] = [
  {
    route: "app/api/annotations/route.ts",
    method: "POST",
    what: "post an annotation",
    request: ({ article }) => ({ path: "/api/annotations", data: { versionId: article.versionId, selectors: article.selectors, body: `Matrix note ${unique()}` } }),
    expect: participate(200),
  },
  {
    route: "app/api/annotations/[id]/replies/route.ts",
    method: "POST",
    what: "reply",
    request: ({ annotationId }) => ({ path: `/api/annotations/${annotationId}/replies`, data: { body: `Matrix reply ${unique()}` } }),
    expect: participate(200),
  },
  {
    route: "app/api/annotations/[id]/route.ts",
    method: "PATCH",
    what: "edit an annotation",
    request: ({ annotationId }) => ({ path: `/api/annotations/${annotationId}`, data: { body: `Edited ${unique()}` } }),
    expect: { ...authorOnly, unverified: 403, suspended: 403, suspendedModerator: 403 },
  },
  {
    route: "app/api/annotations/[id]/route.ts",
    method: "DELETE",
    what: "delete an annotation",
    // lib/data/annotations/delete-annotation.ts: UPDATE … WHERE "authorId" = the caller, and 404 when no row matched.
    refusesWithGuardedWrite: true,
    request: ({ annotationId }) => ({ path: `/api/annotations/${annotationId}` }),
    expect: authorOnly,
  },
  {
    route: "app/api/annotations/[id]/helpful/route.ts",
    method: "POST",
    what: "vote an annotation helpful",
    request: ({ annotationId }) => ({ path: `/api/annotations/${annotationId}/helpful` }),
    expect: participate(400),
  },
  {
    route: "app/api/annotations/[id]/flags/route.ts",
    method: "POST",
    what: "flag an annotation",
    request: ({ annotationId }) => ({ path: `/api/annotations/${annotationId}/flags`, data: { reason: "SPAM" } }),
    expect: participate(400),
  },
  {
    route: "app/api/moderation/annotations/[id]/route.ts",
    method: "POST",
    what: "hide an annotation",
    request: ({ annotationId }) => ({ path: `/api/moderation/annotations/${annotationId}`, data: { action: "hide", expectedRevision: 0, reason: "matrix" } }),
    expect: moderatorsOnly,
  },
  {
    route: "app/api/moderation/annotations/[id]/route.ts",
    method: "POST",
    what: "delete an annotation permanently (admins only)",
    request: ({ annotationId }) => ({ path: `/api/moderation/annotations/${annotationId}`, data: { action: "delete", expectedRevision: 0, reason: "matrix" } }),
    expect: { ...moderatorsOnly, moderator: MODERATOR_REFUSED },
  },
  {
    route: "app/api/moderation/annotations/[id]/route.ts",
    method: "POST",
    what: "hide an admin's annotation",
    // Moderators cannot act on admins' content; the admin who wrote it cannot moderate their own.
    request: ({ adminAnnotationId }) => ({ path: `/api/moderation/annotations/${adminAnnotationId}`, data: { action: "hide", expectedRevision: 0, reason: "matrix" } }),
    expect: { ...moderatorsOnly, moderator: MODERATOR_REFUSED, admin: MODERATOR_REFUSED },
  },
  {
    route: "app/api/moderation/users/[id]/route.ts",
    method: "POST",
    what: "suspend an account",
    request: ({ userId }) => ({ path: `/api/moderation/users/${userId}`, data: { action: "suspend", expectedRevision: 0, reason: "matrix", duration: "1d" } }),
    expect: moderatorsOnly,
  },
  {
    route: "app/api/moderation/articles/[id]/route.ts",
    method: "POST",
    what: "switch pre-moderation on",
    request: ({ article }) => ({ path: `/api/moderation/articles/${article.articleId}`, data: { enabled: true } }),
    expect: moderatorsOnly,
  },
  {
    route: "app/api/account/signup/route.ts",
    method: "POST",
    what: "sign up",
    openBecause: "creating an account is public; limited per IP",
    request: () => {
      const id = unique();
      return { path: "/api/account/signup", data: { email: `matrix-${id}@example.test`, password: `Violet ${unique()} staple horse`, name: "Matrix", handle: `matrix_${id}` } };
    },
    expect: everyone(201),
  },
  {
    route: "app/api/account/password-reset/route.ts",
    method: "POST",
    what: "ask for a password reset",
    openBecause: "the link goes to the address's owner; the answer is the same whether the account exists",
    request: () => ({ path: "/api/account/password-reset", data: { email: `nobody-${unique()}@example.test` } }),
    expect: everyone(200),
  },
  {
    route: "app/api/account/password-reset/confirm/route.ts",
    method: "POST",
    what: "set a new password with a reset token",
    openBecause: "authorized by the emailed single-use token, not the session",
    writesNothing: true,
    request: () => ({ path: "/api/account/password-reset/confirm", data: { token: `bogus-${unique()}-token-that-is-long`, password: "Matrix staple battery horse" } }),
    expect: everyone(400),
  },
  {
    route: "app/api/locale/route.ts",
    method: "POST",
    what: "choose the interface language",
    openBecause: "sets a cookie in the caller's own browser only",
    writesNothing: true,
    request: () => ({ path: "/api/locale", form: { locale: "en", returnTo: "/" } }),
    expect: everyone(303),
  },
  {
    route: "app/api/markdown/preview/route.ts",
    method: "POST",
    what: "preview Markdown",
    openBecause: "renders text for anyone signed in, stores nothing but its rate-limit count",
    writesNothing: true,
    request: () => ({ path: "/api/markdown/preview", data: { body: "**hi**" } }),
    expect: { ...everyone(200), signedOut: 401 },
  },
  {
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    what: "sign out without next-auth's CSRF token",
    openBecause: "next-auth's own endpoints check their double-submit CSRF token; without it nothing happens",
    writesNothing: true,
    request: () => ({ path: "/api/auth/signout", form: { callbackUrl: "/" } }),
    expect: everyone(302),
  },
  {
    route: "app/api/articles/[slug]/import/route.ts",
    method: "POST",
    what: "import Hypothesis annotations into an article",
    request: ({ article }) => ({
      path: `/api/articles/${article.slug}/import`,
      data: {
        data: JSON.stringify([
          {
            id: `matrix-${unique()}`,
            user: "acct:matrix@hypothes.is",
            created: new Date().toISOString(),
            text: `Imported by the matrix ${unique()}`,
            target: [{ selector: [{ type: "TextQuoteSelector", exact: article.selectors.exact, prefix: article.selectors.prefix, suffix: article.selectors.suffix }] }],
          },
        ]),
      },
    }),
    expect: { signedOut: 404, reader: 404, unverified: 404, author: 404, moderator: 404, admin: 200, suspended: 404, suspendedModerator: 404 },
  },
  // The public API's writes read a personal access token and never the session cookie, so a
  // browser session (all these roles) is refused; each token scope is exercised in e2e/public-api.spec.ts.
  {
    route: "app/api/v1/articles/[slug]/annotations/route.ts",
    method: "POST",
    what: "post an annotation through the public API with a session cookie",
    openBecause: "authorized by a personal access token only",
    request: ({ article }) => ({ path: `/api/v1/articles/${article.slug}/annotations`, data: { selectors: article.selectors, body: `API note ${unique()}` } }),
    expect: everyone(401),
  },
  {
    route: "app/api/v1/annotations/[id]/replies/route.ts",
    method: "POST",
    what: "reply through the public API with a session cookie",
    openBecause: "authorized by a personal access token only",
    request: ({ annotationId }) => ({ path: `/api/v1/annotations/${annotationId}/replies`, data: { body: `API reply ${unique()}` } }),
    expect: everyone(401),
  },
  {
    route: "app/api/v1/annotations/[id]/route.ts",
    method: "PATCH",
    what: "edit through the public API with a session cookie",
    openBecause: "authorized by a personal access token only",
    request: ({ annotationId }) => ({ path: `/api/v1/annotations/${annotationId}`, data: { body: `API edit ${unique()}` } }),
    expect: everyone(401),
  },
  {
    route: "app/api/v1/annotations/[id]/route.ts",
    method: "DELETE",
    what: "delete through the public API with a session cookie",
    openBecause: "authorized by a personal access token only",
    request: ({ annotationId }) => ({ path: `/api/v1/annotations/${annotationId}` }),
    expect: everyone(401),
  },
];
