import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import validation from "@/messages/en/validation.json";
import { wordIssue, type ValidationWords } from "./word-issue";

// The public API is documented in English for programs, whatever the caller's browser prefers.
const english = createTranslator({ locale: "en", messages: { validation }, namespace: "validation" }) as unknown as ValidationWords;

/** An issue in English words, for answers that are not localised (the public API). */
export function englishIssueMessage(issue: z.core.$ZodIssue): string {
  return wordIssue(english, issue);
}
