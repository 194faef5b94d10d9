import { PUBLIC_THREAD_SQL } from "@/lib/data/annotations/scope";

/**
 * Whether a notification (alias `n`) may still be shown or mailed: a notice
 * from moderators always; one about a post only while that post is there for
 * everyone to read. A reply or mention that was since hidden, held or deleted
 * must not reach anyone through the bell or a digest, excerpt and all.
 */
export const NOTIFICATION_STILL_SHOWN_SQL = `(n.kind = 'MODERATION' OR n."annotationId" IS NULL OR EXISTS (
  SELECT 1 FROM "Annotation" a WHERE a.id = n."annotationId" AND a."deletedAt" IS NULL AND ${PUBLIC_THREAD_SQL}))`;
