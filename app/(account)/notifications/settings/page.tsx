import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { saveNotificationPreferencesAction } from "@/lib/actions/notifications/notification-actions";
import { requireViewer } from "@/lib/auth/viewer";
import { getNotificationPreferences } from "@/lib/data/notifications/preferences";
import { emailDeliveries, notificationKinds } from "@/lib/notifications/preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("settingsTitle") };
}

export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/notifications/settings");
  const [t, preferences, { saved }] = await Promise.all([getTranslations("notifications"), getNotificationPreferences(viewer), searchParams]);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t("settingsTitle")}</h1>
      <p className="mt-2 leading-relaxed text-[var(--color-muted)]">{t("settingsIntro")}</p>
      {saved === "1" ? <Notice tone="success">{t("saved")}</Notice> : saved === "invalid" ? <Notice tone="error">{t("invalid")}</Notice> : null}
      <form action={saveNotificationPreferencesAction} className="mt-6 space-y-4">
        {notificationKinds.map((kind) => (
          <fieldset key={kind} className="rounded-md border border-[var(--color-rule)] p-4">
            <legend className="px-1 font-semibold">{t(`kind${kind}`)}</legend>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" name={`${kind}.inApp`} defaultChecked={preferences[kind].inApp} className="h-5 w-5" />
                {t("inApp")}
              </label>
              <label className="inline-flex min-h-11 items-center gap-2">
                {t("email")}
                <select name={`${kind}.email`} defaultValue={preferences[kind].email} className="min-h-10 rounded-md border border-[var(--color-field-border)] bg-[var(--color-paper)] px-2">
                  {emailDeliveries.map((delivery) => (
                    <option key={delivery} value={delivery}>
                      {t(`email${delivery}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit">{t("save")}</Button>
          <Link href="/notifications" className="text-sm font-medium underline underline-offset-4">
            {t("back")}
          </Link>
        </div>
      </form>
    </div>
  );
}
