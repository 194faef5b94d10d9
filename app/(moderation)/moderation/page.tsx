import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

/** Moderators' and admins' page; readers get the ordinary 404. */
export default async function ModerationPage() {
  const viewer = await requireRole("MODERATOR");
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Moderation</h1>
      <p className="mt-2 text-[var(--color-muted)]">
        Signed in as @{viewer.handle}, {viewer.role === "ADMIN" ? "admin" : "moderator"}.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Review queue</h2>
      <p className="mt-2 leading-relaxed">Nothing is waiting for review.</p>
    </div>
  );
}
