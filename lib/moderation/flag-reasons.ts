/** Why a reader may flag an annotation. Plain data, so the flag form's JavaScript needs no validation library. */
export const flagReasons = ["SPAM", "HARASSMENT", "HATE", "MISINFORMATION", "OFF_TOPIC", "OTHER"] as const;
export type FlagReasonName = (typeof flagReasons)[number];
