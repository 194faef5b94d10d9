import { z } from "zod";

/**
 * A passage shared by link, with no account and no database row: its
 * selectors travel in the query string. Anything malformed reads as "no
 * passage" so a tampered link still opens the article.
 */
const sharedPassageSchema = z.object({
  quote: z.string().min(1).max(5_000),
  prefix: z.string().max(64).optional().default(""),
  suffix: z.string().max(64).optional().default(""),
  start: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
export type SharedPassage = z.infer<typeof sharedPassageSchema>;

export function parseSharedPassage(query: Record<string, string | string[] | undefined>): SharedPassage | "invalid" | null {
  if (query.quote === undefined) return null;
  const parsed = sharedPassageSchema.safeParse(query);
  return parsed.success ? parsed.data : "invalid";
}
