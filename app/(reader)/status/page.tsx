import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Status", robots: { index: false } };

/**
 * A plain page that says the app is serving: rendered per request through
 * the same layout as every page, so it doubles as the benchmarks' baseline
 * for what a dynamic page costs before any article or annotation work.
 */
export default async function StatusPage() {
  await connection();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Gloss is up</h1>
      <p className="mt-3 leading-relaxed">
        This page was rendered at <time dateTime={new Date().toISOString()}>{new Date().toISOString()}</time>.
      </p>
    </div>
  );
}
