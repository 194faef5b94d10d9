import "server-only";
import { getDb } from "@/lib/db";

export interface ArticleSummary {
  slug: string;
  title: string;
  author: string;
  summary: string;
  publishedAt: Date;
}

/** Articles are public: everyone may list them, newest first. */
export async function listArticles(): Promise<ArticleSummary[]> {
  return getDb().article.findMany({
    where: { currentVersionId: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    select: { slug: true, title: true, author: true, summary: true, publishedAt: true },
  });
}
