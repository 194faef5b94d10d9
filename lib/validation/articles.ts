import { z } from "zod";
import { cleanText } from "./clean-text";

export const articleFormSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, like my-article.")
    .max(80, "Keep the address under 80 characters."),
  title: cleanText().trim().min(1, "Give the article a title.").max(300, "Keep the title under 300 characters."),
  author: cleanText().trim().min(1, "Name the author.").max(200),
  authorBio: cleanText().trim().max(2_000).optional().transform((value) => value || null),
  source: cleanText().trim().max(300).optional().transform((value) => value || null),
  published: z.iso.date({ error: "Give the publication date as YYYY-MM-DD." }),
  lead: cleanText().trim().max(2_000).optional().transform((value) => value || null),
  body: cleanText().trim().min(1, "The article needs a body.").max(200_000, "The body is too long (200,000 characters at most)."),
});
export type ArticleFormInput = z.infer<typeof articleFormSchema>;
