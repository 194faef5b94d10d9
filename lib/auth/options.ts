import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Env } from "@/lib/env-schema";
import { createUserSession } from "@/lib/data/users/sessions";
import { getClientIp } from "@/lib/security/client-ip";
import { authSecret, SESSION_MAX_AGE_SECONDS, shouldUseSecureCookies } from "./config";
import { verifyCredentials } from "./credentials";
import { resolveOAuthUser } from "./oauth";
import { sameOriginRedirect } from "./safe-redirect";

/** GitHub and Google appear only when their credentials are configured. */
export function configuredOAuthProviders(env: Env): Array<"github" | "google"> {
  return [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? (["github"] as const) : []),
    ...(env.GOOGLE_ID && env.GOOGLE_SECRET ? (["google"] as const) : []),
  ];
}

/**
 * next-auth decides its own origin from NEXTAUTH_URL, else from the request
 * only when told to trust it. Gloss uses APP_URL when set and otherwise the
 * request's host, which is safe because every redirect is then checked
 * against that same origin (sameOriginRedirect).
 */
function settleOrigin(env: Env) {
  if (env.APP_URL) process.env.NEXTAUTH_URL ??= env.APP_URL;
  else process.env.AUTH_TRUST_HOST ??= "true";
}

export function getAuthOptions(): AuthOptions {
  const env = getEnv();
  settleOrigin(env);
  const oauth = configuredOAuthProviders(env);
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: shouldUseSecureCookies(),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) => verifyCredentials(credentials),
      }),
      ...(oauth.includes("github") ? [GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! })] : []),
      ...(oauth.includes("google") ? [GoogleProvider({ clientId: env.GOOGLE_ID!, clientSecret: env.GOOGLE_SECRET! })] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const resolved = await resolveOAuthUser(user, account, profile);
        return typeof resolved === "string" ? true : `/signin?error=${resolved.refuse}`;
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        let userId = user.id;
        if (account && account.provider !== "credentials") {
          const link = await getDb().oAuthAccount.findUniqueOrThrow({
            where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
            select: { userId: true },
          });
          userId = link.userId;
        }
        const requestHeaders = await headers();
        const session = await createUserSession(userId, {
          userAgent: requestHeaders.get("user-agent"),
          ipAddress: getClientIp(requestHeaders),
        });
        // The token names the session row and nothing else worth trusting: the
        // viewer's name, role and status are read from the database each request.
        return { sub: userId, sid: session.id };
      },
      redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") {
          await getDb().userSession.updateMany({ where: { id: token.sid, revokedAt: null }, data: { revokedAt: new Date() } });
        }
      },
    },
  };
}
