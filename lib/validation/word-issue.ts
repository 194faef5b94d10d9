import type { z } from "zod";

/** The part of a next-intl translator for the "validation" namespace that wording an issue needs. */
export interface ValidationWords {
  has(key: string): boolean;
  (key: string, values?: Record<string, string | number>): string;
}

/**
 * Schemas carry stable codes ("auth.emailInvalid") as their messages; this
 * turns one issue into words. A limit the code mentions comes from the issue
 * (its maximum, or the params a custom issue carries). Anything that is not a
 * code, such as zod's own message for input no form produces, passes through.
 */
export function wordIssue(t: ValidationWords, issue: z.core.$ZodIssue): string {
  if (!/^[a-z]+\.[A-Za-z]+$/.test(issue.message) || !t.has(issue.message)) return issue.message;
  const values: Record<string, string | number> = {};
  if (issue.code === "too_big") values.max = Number(issue.maximum);
  if (issue.code === "custom" && issue.params) {
    for (const [key, value] of Object.entries(issue.params)) if (typeof value === "number" || typeof value === "string") values[key] = value;
  }
  return t(issue.message, values);
}
