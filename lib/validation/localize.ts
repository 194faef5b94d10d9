import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";

export type IssueTranslator = (issue: z.core.$ZodIssue) => string;

/**
 * Schemas carry stable codes ("auth.emailInvalid") as their messages, so one
 * schema serves every request; the words are chosen here, at the boundary, in
 * the request's interface language. A limit the code mentions comes from the
 * issue itself (its maximum, or the params a custom issue carries). Anything
 * that is not a code, such as zod's own message for input no form produces,
 * passes through unchanged.
 */
export async function issueTranslator(): Promise<IssueTranslator> {
  const t = await getTranslations("validation");
  return (issue) => {
    if (!/^[a-z]+\.[A-Za-z]+$/.test(issue.message) || !t.has(issue.message)) return issue.message;
    const values: Record<string, string | number> = {};
    if (issue.code === "too_big") values.max = Number(issue.maximum);
    if (issue.code === "custom" && issue.params) {
      for (const [key, value] of Object.entries(issue.params)) if (typeof value === "number" || typeof value === "string") values[key] = value;
    }
    return t(issue.message, values);
  };
}
