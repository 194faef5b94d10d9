import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm, ResendVerificationForm } from "@/components/auth/verify-email-forms";
import { Notice } from "@/components/ui/notice";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("verify.title"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.verify");
  const viewer = await getViewer();
  const next = safeReturnPath(params.callbackUrl);

  if (typeof params.token === "string") {
    return (
      <AuthCard title={t("title")}>
        <p className="mb-4 leading-relaxed">{t("confirmIntro")}</p>
        <ConfirmEmailForm token={params.token} />
      </AuthCard>
    );
  }
  if (params.verified === "1") {
    return (
      <AuthCard title={t("verifiedTitle")}>
        <Notice tone="success">{t("verifiedNotice")}</Notice>
        <p className="mt-6">
          <Link href={viewer ? "/" : "/signin"} className="font-medium underline underline-offset-4">
            {viewer ? t("startReading") : t("signIn")}
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("inboxTitle")}>
      {viewer && !viewer.isEmailVerified ? (
        <div className="space-y-6">
          <p className="leading-relaxed wrap-anywhere">
            {t.rich("sentTo", { email: viewer.email, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <ResendVerificationForm />
          <p>
            <Link href={next} className="font-medium underline underline-offset-4">
              {t("continueReading")}
            </Link>
          </p>
        </div>
      ) : (
        <p className="leading-relaxed">
          {viewer ? t("alreadyVerified") : t("signInToResend")}
        </p>
      )}
    </AuthCard>
  );
}
