/** What the toolbar sends for a selection: a W3C quote and position in code points, and the start block. */
export interface SelectionSelectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  startBlockId: string;
}

const CONTEXT = 32;

const codePointLength = (text: string) => Array.from(text).length;

interface BlockPoint {
  block: HTMLElement;
  node: Node;
  offset: number;
}

/** A point at a block's very start or end. */
function edgeOf(block: HTMLElement, edge: "start" | "end"): BlockPoint {
  return { block, node: block, offset: edge === "start" ? 0 : block.childNodes.length };
}

/**
 * A selection endpoint moved onto the article's text. A drag that runs past
 * the last paragraph (into the discussion or the page's foot) or starts above
 * the first, and a triple-click that ends at the start of the next block,
 * leave an endpoint outside every block: the selection still means the
 * article text it covers, so the endpoint is moved to the nearest block edge
 * on the inside. Null when the selection does not reach the article at all.
 */
function clampToBlocks(blocks: readonly HTMLElement[], node: Node, offset: number, side: "start" | "end"): BlockPoint | null {
  const blockRange = document.createRange();
  const ordered = side === "start" ? blocks : [...blocks].reverse();
  for (const block of ordered) {
    blockRange.selectNodeContents(block);
    const place = blockRange.comparePoint(node, offset);
    if (place === 0) return { block, node, offset };
    // The start moves forward to the first block at or after it, the end back to the last block at or before it.
    if (side === "start" && place < 0) return edgeOf(block, "start");
    if (side === "end" && place > 0) return edgeOf(block, "end");
  }
  return null;
}

/** The code-point offset of a DOM point in the canonical text: the block's start plus the text before it. */
function offsetOf(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return Number(block.dataset.blockStart) + codePointLength(range.toString());
}

/**
 * Turns the page's selection into selectors, or null when it is empty or not
 * inside the article body. The canonical text is rebuilt from the rendered
 * blocks, which hold exactly the version's block texts.
 */
export function selectorsFromSelection(selection: Selection | null, body: Element): SelectionSelectors | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const blocks = Array.from(body.querySelectorAll<HTMLElement>("[data-block-start]"));
  const from = clampToBlocks(blocks, range.startContainer, range.startOffset, "start");
  const to = clampToBlocks(blocks, range.endContainer, range.endOffset, "end");
  if (!from || !to) return null;
  const startBlock = from.block;
  let start = offsetOf(from.block, from.node, from.offset);
  let end = offsetOf(to.block, to.node, to.offset);
  const canonical = Array.from(blocks.map((block) => block.textContent ?? "").join("\n\n"));
  // Trim whitespace at the edges, as a careful reader's selection would.
  while (start < end && /\s/.test(canonical[start]!)) start++;
  while (end > start && /\s/.test(canonical[end - 1]!)) end--;
  if (end <= start) return null;
  return {
    exact: canonical.slice(start, end).join(""),
    prefix: canonical.slice(Math.max(0, start - CONTEXT), start).join(""),
    suffix: canonical.slice(end, end + CONTEXT).join(""),
    start,
    end,
    startBlockId: blocks.find((block) => Number(block.dataset.blockStart) <= start && start <= Number(block.dataset.blockStart) + codePointLength(block.textContent ?? ""))?.dataset.blockId ?? startBlock.dataset.blockId ?? "",
  };
}
