import { z } from "zod";
import { cleanText } from "./clean-text";

/** The last page a search shows: past it, refine the query. */
export const SEARCH_MAX_PAGE = 50;

/** `/search?q=…&page=…`: a query of reasonable length, without characters PostgreSQL refuses (a NUL), and a page number. */
export const searchQuerySchema = z.object({
  q: cleanText().trim().min(1).max(200),
  page: z.coerce.number().int().min(0).max(SEARCH_MAX_PAGE).default(0).catch(0),
});
