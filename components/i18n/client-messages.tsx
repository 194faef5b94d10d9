import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** What any page's client components may need: the error boundary's words. */
const EVERYWHERE = ["errors"];

/**
 * Hands the client components below it the namespaces they use and no more.
 * Without a list, the provider would put the whole catalogue (about 30 KB)
 * into every page's payload, for the browser to download and parse unread.
 * A page that renders client components names their namespaces here.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...EVERYWHERE, ...namespaces].filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]!]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
