import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from "@/components/account/account-forms";
import { ResendVerificationForm } from "@/components/auth/verify-email-forms";
import { Button } from "@/components/ui/button";
import { endSessionAction, signOutEverywhereAction } from "@/lib/actions/account/sessions";
import { requireViewer } from "@/lib/auth/viewer";
import { listLiveSessions } from "@/lib/data/users/sessions";
import { ApiTokensSection } from "@/components/open-data/api-tokens-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

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


export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  const [sessions, t, tOpenData, format] = await Promise.all([listLiveSessions(viewer.id), getTranslations("account"), getTranslations("opendata.account"), getFormatter()]);
  // Session times in UTC: the server cannot know the reader's zone.
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-6 mt-2 text-[var(--color-muted)]">
        @{viewer.handle} · {t(`roles.${viewer.role}`)}
      </p>

      <Section id="profile" title={t("profile")}>
        <ChangeNameForm name={viewer.name} />
      </Section>

      <Section id="email" title={t("emailTitle")}>
        <p className="wrap-anywhere">
          <strong>{viewer.email}</strong> — {viewer.isEmailVerified ? t("verified") : t("notVerified")}
        </p>
        {viewer.isEmailVerified ? null : <ResendVerificationForm />}
        <ChangeEmailForm />
      </Section>

      <Section id="password" title={t("passwordTitle")}>
        <ChangePasswordForm hasPassword={viewer.hasPassword} />
      </Section>

      <Section id="sessions" title={t("sessionsTitle")}>
        <ul className="divide-y divide-[var(--color-rule)] rounded-md border border-[var(--color-rule)]">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{session.userAgent ?? t("unknownBrowser")}</p>
                <p className="text-sm text-[var(--color-muted)]">
                  {t("sessionTimes", { createdAt: when(session.createdAt), lastSeenAt: when(session.lastSeenAt) })}
                  {session.ipAddress ? ` · ${session.ipAddress}` : ""}
                </p>
              </div>
              {session.id === viewer.sessionId ? (
                <span className="text-sm font-medium">{t("thisBrowser")}</span>
              ) : (
                <form action={endSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button type="submit" variant="secondary" aria-label={t("signOutSession", { createdAt: when(session.createdAt) })}>
                    {t("signOut")}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            {t("signOutEverywhere")}
          </Button>
        </form>
      </Section>

      <Section id="data" title={t("dataTitle")}>
        <p className="leading-relaxed">{t("dataIntro")}</p>
        <a href="/api/account/export" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
          {t("download")}
        </a>
      </Section>

      <Section id="annotation-export" title={tOpenData("exportHeading")}>
        <p className="leading-relaxed">{tOpenData("exportIntro")}</p>
        <div className="flex flex-wrap gap-3">
          <a href="/api/account/export/annotations.jsonld" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
            {tOpenData("exportJsonLd")}
          </a>
          <a href="/api/account/export/annotations.csv" download className="inline-flex min-h-11 items-center rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
            {tOpenData("exportCsv")}
          </a>
        </div>
      </Section>

      <Section id="api-tokens" title={tOpenData("tokensHeading")}>
        <ApiTokensSection userId={viewer.id} />
      </Section>

      <Section id="delete" title={t("deleteTitle")}>
        <DeleteAccountForm handle={viewer.handle} hasPassword={viewer.hasPassword} />
      </Section>
    </div>
  );
}
