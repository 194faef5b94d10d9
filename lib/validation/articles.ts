import { z } from "zod";

export const articleFormSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "article.slugChars")
    .max(80, "article.slugTooLong"),
  title: z.string().trim().min(1, "article.titleRequired").max(300, "article.titleTooLong"),
  author: z.string().trim().min(1, "article.authorRequired").max(200),
  authorBio: z.string().trim().max(2_000).optional().transform((value) => value || null),
  source: z.string().trim().max(300).optional().transform((value) => value || null),
  published: z.iso.date({ error: "article.publishedFormat" }),
  lead: z.string().trim().max(2_000).optional().transform((value) => value || null),
  body: z.string().trim().min(1, "article.bodyRequired").max(200_000, "article.bodyTooLong"),
});
export type ArticleFormInput = z.infer<typeof articleFormSchema>;
