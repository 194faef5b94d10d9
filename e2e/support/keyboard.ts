import { expect, type Locator, type Page } from "@playwright/test";

/** Whether the element is where the keyboard focus is. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user
 * would, and fails if it takes more than `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}) {
  await expect(target).toHaveCount(1);
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  expect(await isFocused(target), `could not reach ${target.toString()} with ${backwards ? "Shift+Tab" : "Tab"}`).toBe(true);
}
