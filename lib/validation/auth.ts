import { z } from "zod";

/** Emails are compared and stored lowercased. */
export const emailSchema = z
  .string({ error: "auth.emailRequired" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "auth.emailInvalid" }).max(254, "auth.emailTooLong"));

export const handleSchema = z
  .string({ error: "auth.handleRequired" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]+$/, "auth.handleChars")
  .min(3, "auth.handleTooShort")
  .max(30, "auth.handleTooLong");

export const displayNameSchema = z
  .string({ error: "auth.nameRequired" })
  .trim()
  .min(1, "auth.nameRequired")
  .max(80, "auth.nameTooLong")
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value), "auth.nameUnprintable");

/** Length only; strength (common passwords, resemblance to the email) is checked by checkPasswordStrength. */
export const newPasswordSchema = z
  .string({ error: "auth.passwordRequired" })
  .min(10, "auth.passwordTooShort")
  .max(256, "auth.passwordTooLong");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "auth.passwordMissing" }).min(1, "auth.passwordMissing").max(256),
});

export const signUpSchema = z.object({
  name: displayNameSchema,
  handle: handleSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const resetRequestSchema = z.object({ email: emailSchema });

export const resetConfirmSchema = z.object({
  token: z.string().min(20, "auth.resetLinkIncomplete").max(200),
  password: newPasswordSchema,
});

export const changeNameSchema = z.object({ name: displayNameSchema });

export const changePasswordSchema = z.object({
  currentPassword: z.string().max(256).optional(),
  newPassword: newPasswordSchema,
});

export const changeEmailSchema = z.object({ email: emailSchema });

/** Field name → first message, for showing errors beside each field. */
export type FieldErrors = Partial<Record<string, string>>;

/** Messages in schemas are codes: pass the request's translator (lib/validation/localize.ts) to get words. */
export function fieldErrors(error: z.ZodError, translate: (issue: z.core.$ZodIssue) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= translate(issue);
  }
  return errors;
}
