import "server-only";
import { getTranslations } from "next-intl/server";
import { tooManyRequests, waitInUnits } from "./rate-limit-response";

/** How long to wait, in the request's interface language ("2 minutes", "2 分钟"). */
export async function localizedWait(retryAfterSeconds: number): Promise<string> {
  const t = await getTranslations("apiErrors");
  const { unit, count } = waitInUnits(retryAfterSeconds);
  return t(unit, { count });
}

/** The 429 of tooManyRequests, worded in the request's interface language. */
export async function localizedTooManyRequests(retryAfterSeconds: number, messageKey?: "postingFast"): Promise<Response> {
  const t = await getTranslations("apiErrors");
  const message = messageKey ? t(messageKey) : t("tooMany", { wait: await localizedWait(retryAfterSeconds) });
  return tooManyRequests(retryAfterSeconds, message);
}
