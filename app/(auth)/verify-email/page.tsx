import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm, ResendVerificationForm } from "@/components/auth/verify-email-forms";
import { Notice } from "@/components/ui/notice";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Verify your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const viewer = await getViewer();
  const next = safeReturnPath(params.callbackUrl);

  if (typeof params.token === "string") {
    return (
      <AuthCard title="Verify your email">
        <p className="mb-4 leading-relaxed">Press the button to confirm this address belongs to you.</p>
        <ConfirmEmailForm token={params.token} />
      </AuthCard>
    );
  }
  if (params.verified === "1") {
    return (
      <AuthCard title="Email verified">
        <Notice tone="success">Your email address is verified. You can now annotate, reply and vote.</Notice>
        <p className="mt-6">
          <Link href={viewer ? "/" : "/signin"} className="font-medium underline underline-offset-4">
            {viewer ? "Start reading" : "Sign in"}
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Check your inbox">
      {viewer && !viewer.isEmailVerified ? (
        <div className="space-y-6">
          <p className="leading-relaxed">
            We sent a link to <strong>{viewer.email}</strong>. Open it to verify your address: you need a verified address to annotate, reply or vote.
          </p>
          <ResendVerificationForm />
          <p>
            <Link href={next} className="font-medium underline underline-offset-4">
              Continue reading
            </Link>
          </p>
        </div>
      ) : (
        <p className="leading-relaxed">
          {viewer ? "Your email address is verified." : "Open the link we emailed you, or sign in to ask for a new one."}
        </p>
      )}
    </AuthCard>
  );
}
