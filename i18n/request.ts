import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./load-messages";
import { LOCALE_COOKIE, negotiateLocale } from "./locales";

/** Locale per request, without locale prefixes in URLs: so permalinks stay one canonical address. */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    // Times are shown in UTC unless a component passes the reader's zone; the server cannot know it.
    timeZone: "UTC",
  };
});
