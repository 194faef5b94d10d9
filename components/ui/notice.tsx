import type { ReactNode } from "react";

/**
 * A message box; errors are announced at once, other notices politely. Messages
 * often quote an address or a link, so a long one wraps instead of widening the page.
 */
export function Notice({ tone = "info", children }: { tone?: "info" | "error" | "success"; children: ReactNode }) {
  const look = {
    info: "border-[var(--color-rule)]",
    error: "border-red-700 dark:border-red-400",
    success: "border-green-700 dark:border-green-400",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border-l-4 ${look} bg-[var(--color-rule)]/25 px-4 py-3 wrap-anywhere`}>
      {children}
    </div>
  );
}
