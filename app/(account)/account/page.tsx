import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from "@/components/account/account-forms";
import { ResendVerificationForm } from "@/components/auth/verify-email-forms";
import { Button } from "@/components/ui/button";
import { endSessionAction, signOutEverywhereAction } from "@/lib/actions/account/sessions";
import { requireViewer } from "@/lib/auth/viewer";
import { listLiveSessions } from "@/lib/data/users/sessions";
import { getTranslations } from "next-intl/server";
import { ApiTokensSection } from "@/components/open-data/api-tokens-section";

export const metadata: Metadata = { title: "Your account" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-[var(--color-rule)] py-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  const [sessions, t] = await Promise.all([listLiveSessions(viewer.id), getTranslations("opendata.account")]);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Your account</h1>
      <p className="mb-6 mt-2 text-[var(--color-muted)]">
        @{viewer.handle} · {viewer.role.toLowerCase()}
      </p>

      <Section id="profile" title="Profile">
        <ChangeNameForm name={viewer.name} />
      </Section>

      <Section id="email" title="Email address">
        <p>
          <strong>{viewer.email}</strong> — {viewer.isEmailVerified ? "verified" : "not verified yet"}
        </p>
        {viewer.isEmailVerified ? null : <ResendVerificationForm />}
        <ChangeEmailForm />
      </Section>

      <Section id="password" title="Password">
        <ChangePasswordForm hasPassword={viewer.hasPassword} />
      </Section>

      <Section id="sessions" title="Where you're signed in">
        <ul className="divide-y divide-[var(--color-rule)] rounded-md border border-[var(--color-rule)]">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{session.userAgent ?? "Unknown browser"}</p>
                <p className="text-sm text-[var(--color-muted)]">
                  Signed in {dateTime.format(session.createdAt)} UTC · last seen {dateTime.format(session.lastSeenAt)} UTC
                  {session.ipAddress ? ` · ${session.ipAddress}` : ""}
                </p>
              </div>
              {session.id === viewer.sessionId ? (
                <span className="text-sm font-medium">This browser</span>
              ) : (
                <form action={endSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button type="submit" variant="secondary" aria-label={`Sign out the session started ${dateTime.format(session.createdAt)}`}>
                    Sign out
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            Sign out everywhere
          </Button>
        </form>
      </Section>

      <Section id="data" title="Your data">
        <p className="leading-relaxed">Download everything Gloss keeps about you, as JSON.</p>
        <a href="/api/account/export" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
          Download my data
        </a>
      </Section>

      <Section id="annotation-export" title={t("exportHeading")}>
        <p className="leading-relaxed">{t("exportIntro")}</p>
        <div className="flex flex-wrap gap-3">
          <a href="/api/account/export/annotations.jsonld" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
            {t("exportJsonLd")}
          </a>
          <a href="/api/account/export/annotations.csv" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
            {t("exportCsv")}
          </a>
        </div>
      </Section>

      <Section id="api-tokens" title={t("tokensHeading")}>
        <ApiTokensSection userId={viewer.id} />
      </Section>

      <Section id="delete" title="Delete account">
        <DeleteAccountForm handle={viewer.handle} hasPassword={viewer.hasPassword} />
      </Section>
    </div>
  );
}
