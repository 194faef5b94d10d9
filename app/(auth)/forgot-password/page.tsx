import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/email-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      footer={
        <Link className="font-medium underline underline-offset-4" href="/signin">
          Back to sign in
        </Link>
      }
    >
      <p className="mb-4 leading-relaxed">Enter the address you signed up with and we’ll email you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
