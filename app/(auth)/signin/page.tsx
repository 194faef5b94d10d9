import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

const NAMES = { github: "GitHub", google: "Google" } as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const providers = configuredOAuthProviders(getEnv()).map((id) => ({ id, name: NAMES[id] }));
  return (
    <AuthCard
      title="Sign in"
      footer={
        <div className="space-y-2">
          <p>
            New to Gloss?{" "}
            <Link className="font-medium underline underline-offset-4" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              Create an account
            </Link>
          </p>
          <p>
            <Link className="font-medium underline underline-offset-4" href="/forgot-password">
              Forgot your password?
            </Link>
          </p>
        </div>
      }
    >
      <SignInForm callbackUrl={callbackUrl} initialError={error} oauthProviders={providers} />
    </AuthCard>
  );
}
