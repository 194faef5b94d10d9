import "server-only";
import { Client } from "pg";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { LIVE_CHANNEL } from "./events";

type Wake = () => void;

/**
 * One per app instance: a single dedicated connection LISTENs for live
 * events of every article, and wakes the open streams of that article, which
 * then read the LiveEvent table themselves. A listener can miss a NOTIFY
 * while it reconnects, so a cheap poll of the newest event ids backs it up.
 * Instances share nothing but the database: no broker.
 */
class LiveHub {
  private readonly streams = new Map<string, Set<Wake>>();
  private listener: Client | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  /**
   * The newest event id seen per article. Per article, because ids commit in order only within one article
   * (its advisory lock): a single cursor over all of them could pass an id that commits later elsewhere.
   */
  private readonly lastSeen = new Map<string, bigint>();

  subscribe(articleId: string, wake: Wake): () => void {
    const set = this.streams.get(articleId) ?? new Set<Wake>();
    set.add(wake);
    this.streams.set(articleId, set);
    this.start();
    return () => {
      set.delete(wake);
      if (set.size === 0) this.streams.delete(articleId);
      if (this.streams.size === 0) this.stop();
    };
  }

  private wake(articleId: string): void {
    for (const wake of this.streams.get(articleId) ?? []) wake();
  }

  private start(): void {
    if (this.pollTimer) return;
    const interval = getEnv().GLOSS_LIVE_POLL_MS;
    this.pollTimer = setInterval(() => void this.poll(), interval);
    void this.listen();
  }

  private stop(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.lastSeen.clear();
    const listener = this.listener;
    this.listener = null;
    void listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const url = getEnv().DATABASE_URL;
    if (!url || this.listener) return;
    const client = new Client({ connectionString: url });
    this.listener = client;
    client.on("notification", (message) => {
      const articleId = message.payload?.split(":")[0];
      if (articleId) this.wake(articleId);
    });
    // A lost connection is replaced while anyone is listening; the poll covers the gap.
    // One this hub closed on purpose (nobody listening any more) is no longer this.listener.
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      setTimeout(() => {
        if (this.pollTimer && !this.listener) void this.listen();
      }, 2_000);
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      if (this.listener !== client) return;
      console.warn("live: LISTEN failed, polling only until it reconnects", error instanceof Error ? error.message : error);
      lost();
      void client.end().catch(() => undefined);
    }
  }

  private polling = false;

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const articleIds = [...this.streams.keys()];
      if (articleIds.length === 0) return;
      // The newest event of each watched article, from the (articleId, id) index.
      const rows = await getDb().$queryRaw<Array<{ articleId: string; id: bigint | null }>>`
        SELECT w."articleId", (SELECT max(e.id) FROM "LiveEvent" e WHERE e."articleId" = w."articleId") AS id
          FROM unnest(${articleIds}::text[]) AS w("articleId")`;
      for (const row of rows) {
        if (row.id === null) continue;
        const seen = this.lastSeen.get(row.articleId);
        this.lastSeen.set(row.articleId, row.id);
        // On the first look too: a stream that opened just before it reads from its own cursor, and finds nothing or what it missed.
        if (seen === undefined || row.id > seen) this.wake(row.articleId);
      }
    } catch (error) {
      console.warn("live: poll failed", error instanceof Error ? error.message : error);
    } finally {
      this.polling = false;
    }
  }
}

const globalForHub = globalThis as unknown as { glossLiveHub?: LiveHub };

export function getLiveHub(): LiveHub {
  globalForHub.glossLiveHub ??= new LiveHub();
  return globalForHub.glossLiveHub;
}
