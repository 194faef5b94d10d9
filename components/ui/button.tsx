import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-[var(--color-ink)] text-[var(--color-paper)] hover:opacity-90",
  secondary: "border border-[var(--color-rule)] hover:bg-[var(--color-rule)]/40",
  danger: "bg-red-800 text-white hover:bg-red-900 dark:bg-red-700",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-60 ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
