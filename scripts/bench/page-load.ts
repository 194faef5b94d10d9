/**
 * The article page under load (autocannon, 10 connections) with 0, 1,000
 * and 10,000 annotations, for readers with and without a session, beside a
 * trivial dynamic page of the same app;
 * then 100,000 annotations on one article: server time and peak memory.
 */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { peakMemoryOfTree } from "./process-memory.ts";
import { signIn } from "./app-server.ts";
import { BENCH_ARTICLE, setAnnotationCount } from "./bulk-annotations.ts";
import { percentile, type BenchRow } from "./report.ts";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What a browser's navigation sends: readers with no session may then be answered from the anonymous page cache. */
const DEMO_READER = { email: "reader@demo.gloss.test", password: "demo-reader-pass" };

const DOCUMENT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

async function load(url: string, cookie?: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const headers: Record<string, string> = { accept: DOCUMENT_ACCEPT, ...(cookie ? { cookie } : {}) };
  const result = await autocannon({ url, connections: 10, duration: DURATION_SECONDS, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Readers with no session (a shared link's crowd) may get a copy at most
 * GLOSS_ANONYMOUS_CACHE_SECONDS old; a signed-in reader's page is rendered for
 * every request. Both are measured: the first is what the crowd gets, the
 * second what rendering the page costs.
 */
export async function benchArticlePage(baseUrl: string, databaseUrl: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const trivial = await load(`${baseUrl}/status`);
  const cookie = await signIn(baseUrl, DEMO_READER.email, DEMO_READER.password);
  const baseline = { label: "trivial page", value: trivial.rps };
  for (const count of [0, 1_000, 10_000]) {
    await setAnnotationCount(databaseUrl, count);
    const url = `${baseUrl}/articles/${BENCH_ARTICLE}`;
    await fetch(url, { headers: { cookie } }); // warm
    const anonymous = await load(url);
    const signedIn = await load(url, cookie);
    const label = `${count.toLocaleString("en")} annotations`;
    for (const [who, result] of [["no session", anonymous], ["signed in, rendered per request", signedIn]] as const) {
      const isTarget = count === 1_000 && who === "no session";
      const note = result.errors ? `${result.errors} errors` : undefined;
      rows.push({
        section: "Article page",
        measure: `throughput, ${label}, ${who}`,
        value: result.rps,
        unit: "req/s",
        baseline,
        better: "higher",
        target: isTarget ? { text: "≥ 0.5× trivial", met: result.rps >= trivial.rps / 2 } : undefined,
        note,
      });
      rows.push({ section: "Article page", measure: `p50 latency, ${label}, ${who}`, value: result.p50, unit: "ms", baseline: { label: "trivial page", value: trivial.p50 }, better: "lower" });
      rows.push({
        section: "Article page",
        measure: `p99 latency, ${label}, ${who}`,
        value: result.p99,
        unit: "ms",
        baseline: { label: "trivial page", value: trivial.p99 },
        better: "lower",
        target: isTarget ? { text: "< 250 ms", met: result.p99 < 250 } : undefined,
      });
    }
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
