"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { usePostJson } from "./post-json";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const postJson = usePostJson();
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldError(undefined);
    const result = await postJson<{ ok: true }>("/api/account/password-reset/confirm", { token, password });
    setPending(false);
    if (result.ok) setDone(true);
    else {
      setError(result.failure.error);
      setFieldError(result.failure.fieldErrors.password);
    }
  }

  if (isDone) {
    return (
      <Notice tone="success">
        {t("done")}{" "}
        <Link href="/signin" className="font-medium underline underline-offset-4">
          {t("signInAgain")}
        </Link>
        .
      </Notice>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField id="password" label={t("password")} type="password" hint={t("passwordHint")} autoComplete="new-password" required value={password} error={fieldError} onChange={(event) => setPassword(event.target.value)} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
