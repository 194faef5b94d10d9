"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { usePostJson } from "./post-json";
import { signInWithPassword } from "./sign-in-with-password";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signUp");
  const tAuth = useTranslations("auth");
  const postJson = usePostJson();
  const [values, setValues] = useState({ name: "", handle: "", email: "", password: "" });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const bind = (field: keyof typeof values) => ({
    name: field,
    value: values[field],
    error: fieldErrors[field],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value })),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await postJson<{ ok: true }>("/api/account/signup", values);
    if (!result.ok) {
      setError(result.failure.error);
      setFieldErrors(result.failure.fieldErrors);
      // The password is the one value not kept after an error.
      setValues((current) => ({ ...current, password: "" }));
      setPending(false);
      return;
    }
    const signedIn = await signInWithPassword(values.email, values.password, callbackUrl);
    // A full navigation, so the header and every server-rendered part see the new session cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (signedIn.ok) window.location.assign(`/verify-email?sent=1&callbackUrl=${encodeURIComponent(callbackUrl)}`);
    else {
      // Only the limiter's message is worded for people; next-auth's error codes and a 503's "Unknown" are not.
      const reason = signedIn.status === 0 ? tAuth("network") : signedIn.status === 429 && signedIn.message ? signedIn.message : tAuth("somethingWrong");
      setError(t("signInFailed", { reason }));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField id="name" label={t("name")} autoComplete="name" required {...bind("name")} />
      <TextField id="handle" label={t("handle")} hint={t("handleHint")} autoComplete="username" required {...bind("handle")} />
      <TextField id="email" label={t("email")} type="email" autoComplete="email" required {...bind("email")} />
      <TextField id="password" label={t("password")} type="password" hint={t("passwordHint")} autoComplete="new-password" required {...bind("password")} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
