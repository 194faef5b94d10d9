import { z } from "zod";

/** The discussion panel's filters, from the URL. Anything malformed is simply not applied. */
export interface DiscussionFilters {
  /** A handle, lowercase, without @. */
  author?: string;
  tag?: string;
  stance?: "SUPPORTS" | "DISPUTES" | "CONTEXT";
  /** Only the viewer's own threads. */
  mine?: boolean;
  visibility?: "PUBLIC" | "PRIVATE";
}

const schema = z.object({
  author: z
    .string()
    .trim()
    .transform((value) => value.replace(/^@/, "").toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9_]{1,30}$/))
    .optional()
    .catch(undefined),
  tag: z
    .string()
    .trim()
    .transform((value) => value.replace(/^#/, "").toLowerCase())
    .pipe(z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u))
    .optional()
    .catch(undefined),
  stance: z.enum(["SUPPORTS", "DISPUTES", "CONTEXT"]).optional().catch(undefined),
  whose: z.enum(["mine", "all"]).optional().catch(undefined),
  visibility: z.enum(["public", "private"]).optional().catch(undefined),
});

export function parseDiscussionFilters(query: Record<string, string | string[] | undefined>): DiscussionFilters {
  const single = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);
  const parsed = schema.parse({ author: single(query.author), tag: single(query.tag), stance: single(query.stance), whose: single(query.whose), visibility: single(query.visibility) });
  const filters: DiscussionFilters = {};
  if (parsed.author) filters.author = parsed.author;
  if (parsed.tag) filters.tag = parsed.tag;
  if (parsed.stance) filters.stance = parsed.stance;
  if (parsed.whose === "mine") filters.mine = true;
  if (parsed.visibility) filters.visibility = parsed.visibility === "public" ? "PUBLIC" : "PRIVATE";
  return filters;
}

/** The filters as URL parameters, to keep them across sorting and "show more". */
export function filtersToParams(filters: DiscussionFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.author) params.author = filters.author;
  if (filters.tag) params.tag = filters.tag;
  if (filters.stance) params.stance = filters.stance;
  if (filters.mine) params.whose = "mine";
  if (filters.visibility) params.visibility = filters.visibility.toLowerCase();
  return params;
}

export function hasFilters(filters: DiscussionFilters): boolean {
  return Object.keys(filtersToParams(filters)).length > 0;
}
