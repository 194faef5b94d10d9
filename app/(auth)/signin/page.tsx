import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}

const NAMES = { github: "GitHub", google: "Google" } as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.signIn");
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const providers = configuredOAuthProviders(getEnv()).map((id) => ({ id, name: NAMES[id] }));
  return (
    <AuthCard
      title={t("title")}
      footer={
        <div className="space-y-2">
          <p>
            {t("newHere")}{" "}
            <Link className="font-medium underline underline-offset-4" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              {t("createAccount")}
            </Link>
          </p>
          <p>
            <Link className="font-medium underline underline-offset-4" href="/forgot-password">
              {t("forgot")}
            </Link>
          </p>
        </div>
      }
    >
      <SignInForm callbackUrl={callbackUrl} initialError={error} oauthProviders={providers} />
    </AuthCard>
  );
}
