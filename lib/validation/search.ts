import { z } from "zod";

/** `/search?q=…&page=…`: a query of reasonable length, and a page number. */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  page: z.coerce.number().int().min(0).max(50).default(0).catch(0),
});
