import type { Page } from "@playwright/test";

/**
 * Selects article text from `fromText` (in one block) to the end of `toText`
 * (possibly in a later block), as a reader dragging the mouse would.
 */
export async function selectAcross(page: Page, fromText: string, toText: string) {
  await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
  await page.evaluate(
    ({ fromText, toText }) => {
      const body = document.querySelector("[data-article-body]")!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const find = (needle: string) => {
        walker.currentNode = body;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = node.textContent!.indexOf(needle);
          if (index >= 0) return { node, index };
        }
        throw new Error(`Text not found: ${needle}`);
      };
      const start = find(fromText);
      const end = find(toText);
      const range = document.createRange();
      range.setStart(start.node, start.index);
      range.setEnd(end.node, end.index + toText.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { fromText, toText },
  );
}
