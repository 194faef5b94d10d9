import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { assignBlockIds, parseBodyBlocks, type ArticleBlock } from "./blocks";
import { ARTICLE_LANGUAGES, type ArticleLanguage } from "./languages";

const frontMatterSchema = z.object({
  title: z.string().trim().min(1),
  author: z.string().trim().min(1),
  authorBio: z.string().trim().min(1).optional(),
  // YAML reads an unquoted 2025-11-14 as a Date; accept both spellings.
  published: z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), z.iso.date()),
  source: z.string().trim().min(1).optional(),
  lead: z.string().trim().min(1).optional(),
  summary: z.string().trim().min(1).optional(),
  language: z.enum(ARTICLE_LANGUAGES).default("en"),
});

/** An article as shipped in content/articles/<slug>.md. */
export interface ArticleContent {
  slug: string;
  title: string;
  author: string;
  authorBio: string | null;
  source: string | null;
  summary: string;
  language: ArticleLanguage;
  publishedAt: Date;
  blocks: ArticleBlock[];
}

const SUMMARY_LENGTH = 200;

/** Trims text to a length at a word boundary, adding an ellipsis. */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function parseArticleContent(slug: string, source: string): ArticleContent {
  const { data, content } = matter(source);
  const front = frontMatterSchema.parse(data);
  const bodyBlocks = parseBodyBlocks(content);
  const blocks = assignBlockIds(front.lead ? [{ kind: "lead", text: front.lead }, ...bodyBlocks] : bodyBlocks);
  const firstText = blocks[0]?.text ?? front.title;
  return {
    slug,
    title: front.title,
    author: front.author,
    authorBio: front.authorBio ?? null,
    source: front.source ?? null,
    summary: front.summary ?? trimText(front.lead ?? firstText, SUMMARY_LENGTH),
    language: front.language,
    publishedAt: new Date(`${front.published}T00:00:00Z`),
    blocks,
  };
}

export async function readArticleContents(directory: string): Promise<ArticleContent[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (name) => parseArticleContent(name.replace(/\.md$/, ""), await readFile(join(directory, name), "utf8"))),
  );
}
