import { z } from "zod";
import { cleanText } from "./clean-text";

export const articleFormSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "article.slugChars")
    .max(80, "article.slugTooLong"),
  title: cleanText().trim().min(1, "article.titleRequired").max(300, "article.titleTooLong"),
  author: cleanText().trim().min(1, "article.authorRequired").max(200),
  authorBio: cleanText().trim().max(2_000).optional().transform((value) => value || null),
  source: cleanText().trim().max(300).optional().transform((value) => value || null),
  published: z.iso.date({ error: "article.publishedFormat" }),
  lead: cleanText().trim().max(2_000).optional().transform((value) => value || null),
  body: cleanText().trim().min(1, "article.bodyRequired").max(200_000, "article.bodyTooLong"),
});
export type ArticleFormInput = z.infer<typeof articleFormSchema>;
