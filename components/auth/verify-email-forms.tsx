"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { idleState } from "@/lib/actions/action-state";
import { resendVerificationAction, verifyEmailAction } from "@/lib/actions/account/verify-email";

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.verify");
  const [state, action, isPending] = useActionState(verifyEmailAction, idleState);
  return (
    <form action={action} className="space-y-4">
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}

export function ResendVerificationForm() {
  const t = useTranslations("auth.verify");
  const [state, action, isPending] = useActionState(resendVerificationAction, idleState);
  return (
    <form action={action} className="space-y-4">
      {state.message ? <Notice tone={state.status === "error" ? "error" : "success"}>{state.message}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? t("resending") : t("resend")}
      </Button>
    </form>
  );
}
