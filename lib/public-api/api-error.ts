import type { z } from "zod";
import { englishIssueMessage } from "@/lib/validation/english";

/** A failure the client caused, answered as `{ error, fieldErrors }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Parses input or throws a 400 naming each field ("selector.start") that failed. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join(".") || "body"] ??= englishIssueMessage(issue);
  throw new ApiError(400, Object.values(fieldErrors)[0] ?? "Invalid request.", fieldErrors);
}
