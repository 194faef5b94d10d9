/**
 * Prints the JavaScript a page loads on first visit, raw and gzipped, as
 * measured in Chromium: `tsx scripts/measure-first-load-js.ts <url>`.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { findChromium } from "../e2e/support/find-chromium.ts";

const url = process.argv[2] ?? "http://127.0.0.1:3000/articles/china-shared-future-cyberspace";
const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-first-run", "--disable-background-networking"] });
try {
  const page = await browser.newPage();
  const scripts: Array<{ url: string; raw: number; gzip: number }> = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => null);
    if (body) scripts.push({ url: response.url(), raw: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const total = scripts.reduce((sum, script) => ({ raw: sum.raw + script.raw, gzip: sum.gzip + script.gzip }), { raw: 0, gzip: 0 });
  for (const script of scripts.sort((a, b) => b.gzip - a.gzip)) console.log(`${(script.gzip / 1024).toFixed(1).padStart(7)} KB gz  ${new URL(script.url).pathname}`);
  console.log(`first-load JavaScript: ${scripts.length} files, ${(total.raw / 1024).toFixed(1)} KB raw, ${(total.gzip / 1024).toFixed(1)} KB gzipped`);
} finally {
  await browser.close();
}
