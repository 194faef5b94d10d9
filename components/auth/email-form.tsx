"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { usePostJson } from "./post-json";

/** Asks for a password-reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const postJson = usePostJson();
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFieldError(undefined);
    const result = await postJson<{ message: string }>("/api/account/password-reset", { email });
    setPending(false);
    if (result.ok) setMessage({ tone: "success", text: result.data.message });
    else {
      setFieldError(result.failure.fieldErrors.email);
      setMessage({ tone: "error", text: result.failure.error });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <TextField id="email" label={t("forgot.email")} type="email" autoComplete="email" required value={email} error={fieldError} onChange={(event) => setEmail(event.target.value)} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("forgot.pending") : t("forgot.submit")}
      </Button>
    </form>
  );
}
