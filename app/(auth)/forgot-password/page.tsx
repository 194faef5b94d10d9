import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgot.title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <AuthCard
      title={t("title")}
      footer={
        <Link className="font-medium underline underline-offset-4" href="/signin">
          {t("back")}
        </Link>
      }
    >
      <p className="mb-4 leading-relaxed">{t("intro")}</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
