import { createHash } from "node:crypto";
import { z } from "zod";

/** The kinds of block an article body is made of, in reading order. */
export const blockKinds = ["lead", "heading", "paragraph"] as const;
export type BlockKind = (typeof blockKinds)[number];

/**
 * One block of an article version. `id` is stable: the same text of the same
 * kind keeps its id across versions, so anchors can name the block they start in.
 */
// A type alias, not an interface: Prisma's Json input accepts only index-signature-compatible types.
export type ArticleBlock = {
  id: string;
  kind: BlockKind;
  text: string;
};

export const articleBlockSchema = z.object({
  id: z.string().regex(/^[a-z]-[0-9a-f]{8}(?:-\d+)?$/),
  kind: z.enum(blockKinds),
  text: z.string().min(1),
});
export const articleBlocksSchema = z.array(articleBlockSchema).min(1);

/**
 * Collapses every run of whitespace (including no-break and ideographic
 * spaces and line breaks) to one space and trims the ends. Anything else,
 * Chinese text, emoji and astral code points included, is left untouched.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Gives each block an id derived from its kind and text; repeats get a suffix. */
export function assignBlockIds(blocks: ReadonlyArray<{ kind: BlockKind; text: string }>): ArticleBlock[] {
  const seen = new Map<string, number>();
  return blocks.map(({ kind, text }) => {
    const normalized = normalizeWhitespace(text);
    const base = `${kind[0]}-${createHash("sha256").update(`${kind}\n${normalized}`).digest("hex").slice(0, 8)}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { id: count === 0 ? base : `${base}-${count + 1}`, kind, text: normalized };
  });
}

/**
 * Reads an article body written as Markdown-like text: blocks are separated by
 * blank lines, `## ` starts a heading, anything else is a paragraph.
 */
export function parseBodyBlocks(body: string): Array<{ kind: BlockKind; text: string }> {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => {
      const heading = /^#{1,6}\s+(.*)$/s.exec(chunk);
      return heading ? { kind: "heading" as const, text: heading[1] ?? "" } : { kind: "paragraph" as const, text: chunk };
    })
    .filter((block) => normalizeWhitespace(block.text).length > 0);
}
