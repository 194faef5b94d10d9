import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Creates a token on the account page, as a person would, and reads it from the one time it is shown. */
export async function createTokenViaAccountPage(page: Page, name: string, scopes: Array<"read:private" | "write">): Promise<string> {
  await page.goto("/account");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "API tokens" }) });
  await section.getByLabel("Token name").fill(name);
  for (const scope of scopes) await section.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await section.getByRole("button", { name: "Create token" }).click();
  const field = section.getByLabel("Token", { exact: true });
  await expect(field).toHaveValue(/^gloss_pat_/);
  return field.inputValue();
}
