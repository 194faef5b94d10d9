"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "./sign-in-with-password";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check them and try again.",
  OAuthAccountNotLinked:
    "An account already uses this email. Sign in with your password; an outside account is linked only when both sides have verified the address.",
  OAuthNoEmail: "That provider did not share an email address, which Gloss needs.",
};

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
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError ? (ERRORS[initialError] ?? "Sign-in failed. Try again.") : null);
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
    setError(result.status === 429 || result.status === 0 ? result.message : (ERRORS[result.message] ?? ERRORS.CredentialsSignin!));
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
        <TextField id="email" label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField id="password" label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <Button type="submit" disabled={isPending} className="w-full">
          {isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oauthProviders.length > 0 ? (
        <div className="space-y-2">
          <p className="text-center text-sm text-[var(--color-muted)]">or</p>
          {oauthProviders.map((provider) => (
            <Button key={provider.id} type="button" variant="secondary" className="w-full" onClick={() => void signInWith(provider.id)}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
