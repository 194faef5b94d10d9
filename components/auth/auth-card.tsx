import type { ReactNode } from "react";

export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-6">{children}</div>
      {footer ? <div className="mt-8 border-t border-[var(--color-rule)] pt-6 text-sm">{footer}</div> : null}
    </div>
  );
}
