import type { FieldErrors } from "@/lib/validation/auth";

/**
 * What a form's server action hands back to useActionState: a message, the
 * per-field errors, and the values typed (never passwords) so nothing is lost.
 */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
}

export const idleState: ActionState = { status: "idle" };

export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}
