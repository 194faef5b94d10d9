import { z } from "zod";
import { ARTICLE_LANGUAGES } from "@/lib/articles/languages";
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
  // A form that leaves it out (an older page, a script) means the default, English.
  language: z.preprocess((value) => (value === "" || value === undefined || value === null ? "en" : value), z.enum(ARTICLE_LANGUAGES, { error: "article.languageUnknown" })),
  published: z.iso.date({ error: "article.publishedFormat" }),
  lead: cleanText().trim().max(2_000).optional().transform((value) => value || null),
  body: cleanText().trim().min(1, "article.bodyRequired").max(200_000, "article.bodyTooLong"),
});
export type ArticleFormInput = z.infer<typeof articleFormSchema>;
