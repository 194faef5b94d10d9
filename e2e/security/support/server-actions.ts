import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./route-files";

export interface ServerAction {
  id: string;
  /** The "use server" module, relative to the repository root. */
  file: string;
  name: string;
  /** A page that includes the action, where a POST with its id runs it. */
  pagePath: string;
}

/** Turns a build entry such as app/(admin)/articles/[slug]/edit/page into a URL path. */
function pageUrl(entry: string): string {
  return (
    `/${entry.replace(/^app\//, "").replace(/\/?page$/, "")}`
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[(\w+)\]/g, "x") || "/"
  );
}

/** Every server action in the production build (they are public endpoints: anyone can POST their id). */
export function buildServerActions(): ServerAction[] {
  const manifestPath = join(repoRoot, ".next/server/server-reference-manifest.json");
  if (!existsSync(manifestPath)) throw new Error("No production build: run `next build` first.");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    pagePath: pageUrl(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}
