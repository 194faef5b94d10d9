/**
 * The article page under load (autocannon, 10 connections) with 0, 1,000
 * and 10,000 annotations, beside a trivial dynamic page of the same app;
 * then 100,000 annotations on one article: server time and peak memory.
 */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { peakMemoryOfTree } from "./process-memory.ts";
import { BENCH_ARTICLE, setAnnotationCount } from "./bulk-annotations.ts";
import { percentile, type BenchRow } from "./report.ts";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 10, duration: DURATION_SECONDS });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function benchArticlePage(baseUrl: string, databaseUrl: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const trivial = await load(`${baseUrl}/status`);
  for (const count of [0, 1_000, 10_000]) {
    await setAnnotationCount(databaseUrl, count);
    await fetch(`${baseUrl}/articles/${BENCH_ARTICLE}`); // warm
    const page = await load(`${baseUrl}/articles/${BENCH_ARTICLE}`);
    const label = `${count.toLocaleString("en")} annotations`;
    const errors = page.errors ? `${page.errors} errors` : undefined;
    rows.push({
      section: "Article page",
      measure: `throughput, ${label}`,
      value: page.rps,
      unit: "req/s",
      baseline: { label: "trivial page", value: trivial.rps },
      better: "higher",
      target: count === 1_000 ? { text: "≥ 0.5× trivial", met: page.rps >= trivial.rps / 2 } : undefined,
      note: errors,
    });
    rows.push({ section: "Article page", measure: `p50 latency, ${label}`, value: page.p50, unit: "ms", baseline: { label: "trivial page", value: trivial.p50 }, better: "lower" });
    rows.push({
      section: "Article page",
      measure: `p99 latency, ${label}`,
      value: page.p99,
      unit: "ms",
      baseline: { label: "trivial page", value: trivial.p99 },
      better: "lower",
      target: count === 1_000 ? { text: "< 250 ms", met: page.p99 < 250 } : undefined,
    });
  }
  return rows;
}

/** Wall time of one request, sequentially: what one reader waits for the server to render. */
async function timeRequests(url: string, times: number): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const began = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    durations.push(performance.now() - began);
  }
  return durations;
}

export async function benchScale(baseUrl: string, databaseUrl: string, serverPid: number): Promise<BenchRow[]> {
  await setAnnotationCount(databaseUrl, 0);
  const memoryBefore = peakMemoryOfTree(serverPid);
  const small = await timeRequests(`${baseUrl}/articles/${BENCH_ARTICLE}`, 5);
  await setAnnotationCount(databaseUrl, 100_000);
  await timeRequests(`${baseUrl}/articles/${BENCH_ARTICLE}`, 1); // warm
  const big = await timeRequests(`${baseUrl}/articles/${BENCH_ARTICLE}`, 5);
  const html = await (await fetch(`${baseUrl}/articles/${BENCH_ARTICLE}`)).text();
  const memoryAfter = peakMemoryOfTree(serverPid);
  return [
    {
      section: "Scale",
      measure: "server time, 100,000 annotations (median of 5)",
      value: percentile(big, 50),
      unit: "ms",
      baseline: { label: "same page, 0 annotations", value: percentile(small, 50) },
      better: "lower",
      target: { text: "< 1 s", met: percentile(big, 50) < 1000 },
      note: `page ${(html.length / 1024).toFixed(0)} KB`,
    },
    {
      section: "Scale",
      measure: "server peak memory (VmHWM)",
      value: memoryAfter ?? 0,
      unit: "MB",
      baseline: { label: "after the runs with 0–10,000", value: memoryBefore ?? 0 },
      better: "lower",
    },
  ];
}
