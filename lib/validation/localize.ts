import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { wordIssue, type ValidationWords } from "./word-issue";

export type IssueTranslator = (issue: z.core.$ZodIssue) => string;

/** Words validation issues in the request's interface language: forms and the site's own endpoints use this. */
export async function issueTranslator(): Promise<IssueTranslator> {
  const t = (await getTranslations("validation")) as unknown as ValidationWords;
  return (issue) => wordIssue(t, issue);
}
