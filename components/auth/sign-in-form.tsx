"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "./sign-in-with-password";

/** next-auth's error codes that have their own explanation; any other code gets the generic one. */
const KNOWN_ERRORS = ["CredentialsSignin", "OAuthAccountNotLinked", "OAuthNoEmail"] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnownError = (code: string): code is KnownError => (KNOWN_ERRORS as readonly string[]).includes(code);

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf");
  const data = (await response.json()) as { csrfToken: string };
  return data.csrfToken;
}

/**
 * Posts to next-auth's Credentials callback directly (what next-auth/react
 * does), so no extra client library ships, and shows 429s from the limiter.
 */
export function SignInForm({ callbackUrl, initialError, oauthProviders }: { callbackUrl: string; initialError?: string; oauthProviders: Array<{ id: string; name: string }> }) {
  const t = useTranslations("auth.signIn");
  const tAuth = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError ? (isKnownError(initialError) ? t(`errors.${initialError}`) : t("errors.generic")) : null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signInWithPassword(email, password, callbackUrl);
    if (result.ok) {
      // A full navigation, so every server-rendered part sees the new session.
      window.location.assign(callbackUrl);
      return;
    }
    if (result.status === 0) setError(tAuth("network"));
    else if (result.status === 429) setError(result.message || t("errors.tooMany"));
    // The database is unreachable for a moment: the password may well be right, so say nothing about it.
    else if (result.status === 503) setError(tAuth("somethingWrong"));
    else setError(t(`errors.${isKnownError(result.message) ? result.message : "CredentialsSignin"}`));
    setPassword("");
    setPending(false);
  }

  async function signInWith(provider: string) {
    const form = document.createElement("form");
    form.method = "POST";
    form.action = `/api/auth/signin/${provider}`;
    for (const [name, value] of Object.entries({ csrfToken: await csrfToken(), callbackUrl })) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }

  return (
    <div className="space-y-6">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField id="email" label={t("email")} type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField id="password" label={t("password")} type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <Button type="submit" disabled={isPending} className="w-full">
          {isPending ? t("pending") : t("submit")}
        </Button>
      </form>
      {oauthProviders.length > 0 ? (
        <div className="space-y-2">
          <p className="text-center text-sm text-[var(--color-muted)]">{t("or")}</p>
          {oauthProviders.map((provider) => (
            <Button key={provider.id} type="button" variant="secondary" className="w-full" onClick={() => void signInWith(provider.id)}>
              {t("continueWith", { provider: provider.name })}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
