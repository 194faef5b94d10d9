import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUp.title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard
      title={t("title")}
      footer={
        <p>
          {t("haveAccount")}{" "}
          <Link className="font-medium underline underline-offset-4" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
            {t("signIn")}
          </Link>
        </p>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
