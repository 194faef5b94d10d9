/**
 * The article with 1,000 annotations in headless Chromium: LCP and CLS from
 * the Performance API, the time from a selection to the toolbar, and the
 * JavaScript the first visit loads (gzipped). Baselines: the same figures
 * for the trivial status page, and the article with no annotations.
 */
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { findChromium } from "../../e2e/support/find-chromium.ts";
import { BENCH_ARTICLE, setAnnotationCount } from "./bulk-annotations.ts";
import { percentile, type BenchRow } from "./report.ts";

const OBSERVE = `
  window.__lcp = 0; window.__cls = 0;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__lcp = entry.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value; }).observe({ type: "layout-shift", buffered: true });
`;

async function visit(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const scripts: number[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => null);
    if (body) scripts.push(gzipSync(body).length);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  const { lcp, cls } = await page.evaluate(() => ({ lcp: (window as unknown as { __lcp: number }).__lcp, cls: (window as unknown as { __cls: number }).__cls }));
  return { context, page, lcp, cls, jsKb: scripts.reduce((sum, size) => sum + size, 0) / 1024 };
}

/** Milliseconds from making a selection in the article to the toolbar being in the page. */
async function selectionToToolbar(page: import("@playwright/test").Page): Promise<number[]> {
  await page.locator("html[data-selection-ready]").waitFor({ state: "attached" });
  const samples: number[] = [];
  for (let run = 0; run < 7; run++) {
    // A string, not a function: the TypeScript runner would wrap named helpers in code the page lacks.
    samples.push(
      (await page.evaluate(`new Promise((resolve) => {
        const paragraphs = document.querySelectorAll("[data-article-body] p");
        const paragraph = paragraphs[2 + (${run} % Math.max(1, paragraphs.length - 3))];
        const node = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode();
        const began = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[role="toolbar"][aria-label="Selected text"]')) {
            observer.disconnect();
            resolve(performance.now() - began);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.textContent.length, 30));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      })`)) as number,
    );
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    await page.locator('[role="toolbar"][aria-label="Selected text"]').waitFor({ state: "detached", timeout: 5000 }).catch(() => undefined);
  }
  return samples;
}

export async function benchBrowser(baseUrl: string, databaseUrl: string): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"] });
  try {
    const trivial = await visit(browser, `${baseUrl}/status`);
    await trivial.context.close();
    await setAnnotationCount(databaseUrl, 0);
    const empty = await visit(browser, `${baseUrl}/articles/${BENCH_ARTICLE}`);
    const emptyToolbar = percentile(await selectionToToolbar(empty.page), 50);
    await empty.context.close();
    await setAnnotationCount(databaseUrl, 1_000);
    const full = await visit(browser, `${baseUrl}/articles/${BENCH_ARTICLE}`);
    const toolbar = await selectionToToolbar(full.page);
    await full.context.close();
    return [
      { section: "Browser", measure: "LCP, 1,000 annotations", value: full.lcp, unit: "ms", baseline: { label: "status page", value: trivial.lcp }, better: "lower", target: { text: "< 1 s", met: full.lcp < 1000 } },
      { section: "Browser", measure: "CLS, 1,000 annotations", value: full.cls, unit: "", baseline: { label: "status page", value: trivial.cls }, better: "lower", target: { text: "< 0.02", met: full.cls < 0.02 } },
      {
        section: "Browser",
        measure: "selection → toolbar (median of 7)",
        value: percentile(toolbar, 50),
        unit: "ms",
        baseline: { label: "article with 0 annotations", value: emptyToolbar },
        better: "lower",
        target: { text: "< 50 ms", met: percentile(toolbar, 50) < 50 },
      },
      {
        section: "Browser",
        measure: "first-load JavaScript (gzipped)",
        value: full.jsKb,
        unit: "KB",
        baseline: { label: "status page", value: trivial.jsKb },
        better: "lower",
        target: { text: "≤ 150 KB", met: full.jsKb <= 150 },
      },
    ];
  } finally {
    await browser.close();
  }
}
