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

/** The block element (with data-block-start) holding a DOM point, if it is in the article body. */
function blockOf(node: Node, body: Element): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-block-start]");
  return block && body.contains(block) ? block : null;
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
  const startBlock = blockOf(range.startContainer, body);
  const endBlock = blockOf(range.endContainer, body);
  if (!startBlock || !endBlock) return null;
  let start = offsetOf(startBlock, range.startContainer, range.startOffset);
  let end = offsetOf(endBlock, range.endContainer, range.endOffset);
  const blocks = Array.from(body.querySelectorAll<HTMLElement>("[data-block-start]"));
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
