import { assignBlockIds, parseBodyBlocks, type ArticleBlock } from "./blocks";
import type { ArticleContent } from "./content-file";
import { trimText } from "./content-file";
import type { ArticleLanguage } from "./languages";

/** The body as editable Markdown (the lead is edited in its own field). */
export function blocksToMarkdown(blocks: readonly ArticleBlock[]): { lead: string; body: string } {
  const lead = blocks.find((block) => block.kind === "lead")?.text ?? "";
  const body = blocks
    .filter((block) => block.kind !== "lead")
    .map((block) => (block.kind === "heading" ? `## ${block.text}` : block.text))
    .join("\n\n");
  return { lead, body };
}

/** An article from the admin form, in the same shape as a shipped content file. */
export function articleFromForm(input: {
  slug: string;
  title: string;
  author: string;
  authorBio: string | null;
  source: string | null;
  language: ArticleLanguage;
  published: string;
  lead: string | null;
  body: string;
}): ArticleContent {
  const bodyBlocks = parseBodyBlocks(input.body);
  const blocks = assignBlockIds(input.lead ? [{ kind: "lead", text: input.lead }, ...bodyBlocks] : bodyBlocks);
  return {
    slug: input.slug,
    title: input.title,
    author: input.author,
    authorBio: input.authorBio,
    source: input.source,
    summary: trimText(input.lead ?? blocks[0]?.text ?? input.title, 200),
    language: input.language,
    publishedAt: new Date(`${input.published}T00:00:00Z`),
    blocks,
  };
}
