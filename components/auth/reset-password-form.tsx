"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { postJson } from "./post-json";

export function ResetPasswordForm({ token }: { token: string }) {
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
        Your password has been changed and every session has been signed out.{" "}
        <Link href="/signin" className="font-medium underline underline-offset-4">
          Sign in with your new password
        </Link>
        .
      </Notice>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField id="password" label="New password" type="password" hint="At least 10 characters, and not a common password." autoComplete="new-password" required value={password} error={fieldError} onChange={(event) => setPassword(event.target.value)} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
