/**
 * An edited copy of an article whose every code point remembers where it came
 * from, so the benchmark knows the true place of each highlight afterwards.
 * The edits are the kinds editors make: a new opening paragraph, sentences
 * inserted mid-paragraph, a paragraph cut, words reworded, a sentence moved,
 * and a sentence repeated elsewhere (a twin that must not steal highlights).
 */
import type { ArticleBlock } from "../../lib/articles/blocks.ts";
import { buildCanonicalText, type CanonicalText } from "../../lib/articles/canonical-text.ts";

interface TrackedChar {
  char: string;
  /** Code point offset in the original canonical text; null for new text. */
  from: number | null;
}

interface TrackedBlock {
  id: string;
  kind: ArticleBlock["kind"];
  chars: TrackedChar[];
}

/** A small deterministic generator, so every run edits the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fresh = (text: string): TrackedChar[] => Array.from(text).map((char) => ({ char, from: null }));

/** Index just after a sentence end (". ") near the middle of a block, or -1. */
function sentenceBreak(chars: TrackedChar[], random: () => number): number {
  const breaks: number[] = [];
  for (let index = 1; index < chars.length - 1; index++) if (chars[index - 1]!.char === "." && chars[index]!.char === " ") breaks.push(index + 1);
  return breaks.length ? breaks[Math.floor(random() * breaks.length)]! : -1;
}

/** The sentence that starts at `start` (up to and including its full stop). */
function sentenceAt(chars: TrackedChar[], start: number): [number, number] {
  let end = start;
  while (end < chars.length && chars[end]!.char !== ".") end++;
  return [start, Math.min(chars.length, end + 1)];
}

export interface EditedArticle {
  canonical: CanonicalText;
  /** For each original code point, where it is now (code points of the edited text), or null if cut. */
  now: Array<number | null>;
}

export function editArticle(original: readonly ArticleBlock[], seed = 7): EditedArticle {
  const random = seededRandom(seed);
  const base = buildCanonicalText([...original]);
  const blocks: TrackedBlock[] = original.map((block, index) => {
    const span = base.spans[index]!;
    return { id: block.id, kind: block.kind, chars: Array.from(block.text).map((char, offset) => ({ char, from: span.start + offset })) };
  });
  const paragraphs = () => blocks.filter((block) => block.kind === "paragraph");

  // 1. A new opening paragraph: every position after it shifts.
  blocks.splice(1, 0, { id: "bench-new-lead", kind: "paragraph", chars: fresh("Editor's note: this commentary was updated with reactions from delegates and new figures from the organisers.") });

  // 2. Sentences inserted in the middle of a third of the paragraphs.
  for (const block of paragraphs().filter((_, index) => index % 3 === 0)) {
    const at = sentenceBreak(block.chars, random);
    if (at > 0) block.chars.splice(at, 0, ...fresh("Several delegates questioned this point during the closing session. "));
  }

  // 3. One paragraph cut entirely.
  const cut = paragraphs()[Math.floor(paragraphs().length / 2)]!;
  blocks.splice(blocks.indexOf(cut), 1);

  // 4. Words reworded in a quarter of the paragraphs: a short word replaced inside a sentence.
  for (const block of paragraphs().filter((_, index) => index % 4 === 1)) {
    const text = block.chars.map((c) => c.char).join("");
    const match = / (the|and|of|to|in) /.exec(text.slice(Math.floor(text.length / 3)));
    if (!match) continue;
    const at = Math.floor(text.length / 3) + match.index + 1;
    block.chars.splice(at, match[1]!.length, ...fresh(match[1] === "and" ? "as well as" : match[1] === "the" ? "this" : "for"));
  }

  // 5. A sentence moved from one paragraph to the end of another.
  const donors = paragraphs();
  const donor = donors[2]!;
  const start = sentenceBreak(donor.chars, random);
  if (start > 0) {
    const [from, to] = sentenceAt(donor.chars, start);
    const moved = donor.chars.splice(from, to - from);
    const receiver = donors[donors.length - 2]!;
    receiver.chars.push(...fresh(" "), ...moved);
  }

  // 6. A sentence repeated in another paragraph: new text identical to old.
  const source = paragraphs()[4]!;
  const twinStart = sentenceBreak(source.chars, random);
  if (twinStart > 0) {
    const [from, to] = sentenceAt(source.chars, twinStart);
    const copy = source.chars.slice(from, to).map((c) => c.char).join("");
    paragraphs()[7]!.chars.push(...fresh(` ${copy}`));
  }

  // Collapse doubled spaces the edits may have made, as the canonical text would.
  for (const block of blocks) {
    block.chars = block.chars.filter((c, index, all) => !(c.char === " " && (index === 0 || all[index - 1]!.char === " ")));
    while (block.chars.at(-1)?.char === " ") block.chars.pop();
  }

  const edited: ArticleBlock[] = blocks.map((block) => ({ id: block.id, kind: block.kind, text: block.chars.map((c) => c.char).join("") }));
  const canonical = buildCanonicalText(edited);
  const now: Array<number | null> = new Array(Array.from(base.text).length).fill(null);
  blocks.forEach((block, index) => {
    const span = canonical.spans[index]!;
    block.chars.forEach((c, offset) => {
      if (c.from !== null) now[c.from] = span.start + offset;
    });
  });
  return { canonical, now };
}
