import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface RouteFile {
  /** Relative to the repository root, e.g. app/api/annotations/[id]/route.ts. */
  file: string;
  /** The URL path with dynamic segments as [name]. */
  urlPath: string;
  methods: string[];
}

/** Every route handler under app/, found on disk, with the HTTP methods it exports. */
export function discoverRouteFiles(): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = readFileSync(path, "utf8");
        const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((match) => match[1]!);
        const file = relative(repoRoot, path).split("\\").join("/");
        const urlPath = `/${file.replace(/^app\//, "").replace(/\/route\.\w+$/, "")}`.replace(/\/\([^)]+\)/g, "");
        found.push({ file, urlPath, methods });
      }
    }
  };
  walk(join(repoRoot, "app"));
  return found;
}

export const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A concrete path for a route, its dynamic segments filled with plausible ids. */
export function concretePath(urlPath: string): string {
  return urlPath.replace(/\[\.\.\.(\w+)\]/g, "signout").replace(/\[(\w+)\]/g, "cabcdefghijklmnopqrstuvw");
}
