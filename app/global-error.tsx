"use client";

import { useSyncExternalStore } from "react";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/i18n/locales";
// Only this page's three strings: this module is part of every page's first load.
import en from "@/messages/en/unavailable.json";
import zhCN from "@/messages/zh-CN/unavailable.json";
import "./globals.css";

const MESSAGES: Record<Locale, typeof en> = { en, "zh-CN": zhCN };

/** The layout (and with it the message provider) failed, so the language is read in the browser: the saved choice, else the browser's. */
function browserLocale(): Locale {
  const saved = document.cookie
    .split("; ")
    .find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return negotiateLocale(saved, navigator.languages.join(","));
}

const noSubscription = () => () => {};

/** Last resort when even the layout failed (for example, the database is unreachable). */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, (): Locale => "en");
  const t = MESSAGES[locale];
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans antialiased">
        <main className="mx-auto max-w-[68ch] px-4 py-16 sm:px-6">
          <p className="font-serif text-xl font-semibold">Gloss</p>
          <h1 className="mt-6 font-serif text-3xl font-semibold">{t.title}</h1>
          <p className="mt-4 text-lg leading-relaxed">{t.body}</p>
          <button type="button" onClick={reset} className="mt-6 min-h-10 rounded-md bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)]">
            {t.tryAgain}
          </button>
        </main>
      </body>
    </html>
  );
}
