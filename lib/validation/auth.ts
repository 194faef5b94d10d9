import { z } from "zod";

/** Emails are compared and stored lowercased. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }).max(254, "That email address is too long."));

export const handleSchema = z
  .string({ error: "Choose a handle." })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]+$/, "Use only letters, digits and underscores in your handle.")
  .min(3, "Your handle needs at least 3 characters.")
  .max(30, "Your handle can have at most 30 characters.");

export const displayNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Your name can have at most 80 characters.")
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value), "Your name contains characters that can't be shown.");

/** Length only; strength (common passwords, resemblance to the email) is checked by checkPasswordStrength. */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Your password needs at least 10 characters.")
  .max(256, "Your password can have at most 256 characters.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256),
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
  token: z.string().min(20, "This reset link is incomplete.").max(200),
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

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
