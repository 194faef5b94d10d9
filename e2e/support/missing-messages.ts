import { expect, type Page } from "@playwright/test";

/** The namespaces' names: next-intl renders a missing message as "namespace.key". */
const MISSING = /\b(?:common|reader|annotations|share|errors|auth|account|moderation|admin)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/;

/** Collects console errors about missing messages for the life of the page. */
export function watchMissingMessages(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /MISSING_MESSAGE|Could not resolve/.test(message.text())) problems.push(message.text());
  });
  return problems;
}

/** Fails when any text or accessible label on the page is a message key rather than a message. */
export async function expectNoMissingMessages(page: Page, consoleProblems: string[]) {
  const text = await page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll("[aria-label], [title], [placeholder]")).flatMap((element) =>
      ["aria-label", "title", "placeholder"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [document.title, document.body.innerText, ...labels].join("\n");
  });
  expect(text.match(MISSING)?.[0] ?? null, "a message key shown instead of its text").toBeNull();
  expect(consoleProblems).toEqual([]);
}
