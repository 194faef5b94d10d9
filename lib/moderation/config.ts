import "server-only";
import { getEnv } from "@/lib/env";

/** The automatic measures' thresholds, from the environment (see lib/env-schema.ts for defaults). */
export function moderationConfig() {
  const env = getEnv();
  return {
    flagHideThreshold: env.GLOSS_FLAG_HIDE_THRESHOLD,
    establishedDays: env.GLOSS_ESTABLISHED_ACCOUNT_DAYS,
    newAccountHours: env.GLOSS_NEW_ACCOUNT_HOURS,
    duplicateCount: env.GLOSS_DUPLICATE_POST_COUNT,
    duplicateMinutes: env.GLOSS_DUPLICATE_POST_MINUTES,
  };
}
