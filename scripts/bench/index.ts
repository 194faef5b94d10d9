/**
 * `npm run bench [-- section…]`: builds (if needed) and starts the production
 * app against a fresh PostgreSQL database, measures each section beside a
 * baseline taken in the same run, and prints a Markdown table. Sections:
 * anchoring, page, posting, browser, scale (default: all).
 *
 * TEST_DATABASE_URL picks the PostgreSQL server (a database gloss_bench is
 * created and dropped); unset, the embedded PGlite is used, which serialises
 * queries and so understates every server figure.
 */
import { readFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { parseArticleContent } from "../../lib/articles/content-file.ts";
import { benchAnchoring } from "./anchoring.ts";
import { startBenchApp, type BenchApp } from "./app-server.ts";
import { benchBrowser } from "./browser.ts";
import { benchArticlePage, benchScale } from "./page-load.ts";
import { benchPosting } from "./posting.ts";
import { renderTable, type BenchRow } from "./report.ts";

const all = ["anchoring", "page", "posting", "browser", "scale"] as const;
const chosen = process.argv.slice(2).filter((arg) => (all as readonly string[]).includes(arg));
const sections = new Set(chosen.length ? chosen : all);
const rows: BenchRow[] = [];

console.log(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`);

if (sections.has("anchoring")) {
  const source = await readFile(new URL("../../content/articles/china-shared-future-cyberspace.md", import.meta.url), "utf8");
  rows.push(...benchAnchoring(parseArticleContent("bench", source).blocks));
  console.log("· anchoring done");
}

const needsServer = ["page", "posting", "browser", "scale"].some((section) => sections.has(section as (typeof all)[number]));
let app: BenchApp | null = null;
try {
  if (needsServer) {
    app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3800));
    console.log(`· app on ${app.baseUrl}, database ${process.env.TEST_DATABASE_URL ? "PostgreSQL at TEST_DATABASE_URL" : "embedded PGlite"}`);
    if (sections.has("page")) {
      rows.push(...(await benchArticlePage(app.baseUrl, app.databaseUrl)));
      console.log("· article page done");
    }
    if (sections.has("browser")) {
      rows.push(...(await benchBrowser(app.baseUrl, app.databaseUrl)));
      console.log("· browser done");
    }
    if (sections.has("posting")) {
      rows.push(...(await benchPosting(app.baseUrl, app.databaseUrl)));
      console.log("· posting done");
    }
    if (sections.has("scale")) {
      rows.push(...(await benchScale(app.baseUrl, app.databaseUrl, app.server.pid!)));
      console.log("· scale done");
    }
  }
} finally {
  await app?.stop();
}

console.log();
console.log(renderTable(rows));
