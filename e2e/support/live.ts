import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { e2eDatabase } from "../../scripts/e2e-database";
import { expect } from "./fixtures";

export const ARTICLE = "/articles/china-shared-future-cyberspace";
const root = fileURLToPath(new URL("../..", import.meta.url));

/** Opens the article and waits until its live stream is connected, so nothing posted afterwards can be missed by the test. */
export async function openLiveArticle(page: Page, path = ARTICLE): Promise<void> {
  await page.goto(path);
  // A freshly started instance loads the stream route on first use; give it time on a busy machine.
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "connected", { timeout: 20_000 });
}

export async function articleId(db: pg.Pool): Promise<string> {
  const { rows } = await db.query(`SELECT id FROM "Article" WHERE slug = 'china-shared-future-cyberspace'`);
  return (rows[0] as { id: string }).id;
}

/**
 * A second app instance (`next start` on its own port) against the same
 * database as the test server: what two instances behind a load balancer are.
 * They share nothing but PostgreSQL.
 */
export async function startSecondInstance(port: number, extraEnv: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const mainPort = Number(process.env.E2E_PORT ?? 3100);
  const child: ChildProcess = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabase(mainPort).url,
      NODE_ENV: "production",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
      GLOSS_DEV_OUTBOX: "1",
      ...extraEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    const ready = await fetch(`${url}/status`).then((response) => response.status < 500, () => false);
    if (ready) break;
    if (child.exitCode !== null) throw new Error(`second instance exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Reads a Server-Sent Events stream until `until` says enough arrived; returns their ids and data. */
export async function readEvents(url: string, options: { until: (events: Array<{ id: string; data: { kind: string; annotationId: string } }>) => boolean; lastEventId?: string; cookie?: string; timeoutMs?: number }): Promise<Array<{ id: string; data: { kind: string; annotationId: string } }>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  if (options.cookie) headers.cookie = options.cookie;
  const events: Array<{ id: string; data: { kind: string; annotationId: string } }> = [];
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    while (!options.until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (id && data) events.push({ id, data: JSON.parse(data) as { kind: string; annotationId: string } });
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
