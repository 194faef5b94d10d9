import { z } from "zod";
import { cleanText } from "./clean-text";
import { annotationActions, userActions, type AnnotationAction, type UserAction } from "@/lib/moderation/permissions";
import { suspensionDurations, type SuspensionDuration } from "@/lib/moderation/suspension";
import { flagReasons, type FlagReasonName } from "@/lib/moderation/flag-reasons";

export { flagReasons, type FlagReasonName };

export const flagReasonLabels: Record<FlagReasonName, string> = {
  SPAM: "Spam",
  HARASSMENT: "Harassment",
  HATE: "Hate",
  MISINFORMATION: "Misinformation",
  OFF_TOPIC: "Off-topic",
  OTHER: "Other",
};

const id = z.string().regex(/^[a-z0-9]{20,40}$/, "moderation.idInvalid");
const note = cleanText().trim().max(500, "moderation.noteTooLong");
const reason = cleanText().trim().max(500, "moderation.reasonTooLong");

export const flagSchema = z
  .object({
    annotationId: id,
    reason: z.enum(flagReasons, { error: "moderation.flagReasonRequired" }),
    note: note.optional().transform((value) => value || undefined),
  })
  .refine((input) => input.reason !== "OTHER" || Boolean(input.note), { message: "moderation.flagNoteRequired", path: ["note"] });
export type FlagInput = { annotationId: string; reason: FlagReasonName; note?: string };

/** Actions whose reason the author and the audit log must get. */
const needsReason = new Set(["hide", "lock", "delete", "suspend", "mark_spammer"]);

export const annotationModerationSchema = z
  .object({
    annotationId: id,
    action: z.enum(annotationActions, { error: "moderation.unknownAction" }),
    /** The revision the moderator was looking at: a newer one means someone else acted first. */
    expectedRevision: z.coerce.number().int().min(0),
    reason: reason.optional().transform((value) => value || undefined),
  })
  .refine((input) => !needsReason.has(input.action) || Boolean(input.reason), { message: "moderation.reasonRequired", path: ["reason"] });
export type AnnotationModerationInput = { annotationId: string; action: AnnotationAction; expectedRevision: number; reason?: string };

export const userModerationSchema = z
  .object({
    userId: id,
    action: z.enum(userActions, { error: "moderation.unknownAction" }),
    expectedRevision: z.coerce.number().int().min(0),
    reason: reason.optional().transform((value) => value || undefined),
    duration: z.enum(suspensionDurations, { error: "moderation.durationRequired" }).optional(),
  })
  .refine((input) => !needsReason.has(input.action) || Boolean(input.reason), { message: "moderation.reasonRequired", path: ["reason"] })
  .refine((input) => input.action !== "suspend" || Boolean(input.duration), { message: "moderation.durationRequired", path: ["duration"] });
export type UserModerationInput = { userId: string; action: UserAction; expectedRevision: number; reason?: string; duration?: SuspensionDuration };

export const preModerationSchema = z.object({
  articleId: id,
  enabled: z.union([z.boolean(), z.enum(["true", "false", "on", "off"]).transform((value) => value === "true" || value === "on")]),
});

export const queueStatuses = ["open", "hidden", "resolved", "all"] as const;
export const queueFiltersSchema = z.object({
  status: z.enum(queueStatuses).catch("open"),
  reason: z.enum(flagReasons).optional().catch(undefined),
  annotation: id.optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export const logFiltersSchema = z.object({
  action: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  actor: z.string().trim().toLowerCase().regex(/^@?[a-z0-9_]{1,40}$/).transform((value) => value.replace(/^@/, "")).optional().catch(undefined),
  target: z.string().trim().toLowerCase().regex(/^@?[a-z0-9_]{1,40}$/).transform((value) => value.replace(/^@/, "")).optional().catch(undefined),
  annotation: id.optional().catch(undefined),
  before: z.string().regex(/^[a-z0-9]{20,40}$/).optional().catch(undefined),
});
export type LogFilters = z.infer<typeof logFiltersSchema>;
