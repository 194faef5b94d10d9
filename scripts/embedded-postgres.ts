import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGliteSessionServer } from "./pglite-session-server.ts";

export interface EmbeddedPostgres {
  /** A postgres:// URL the app and every tool connect to, like any other server. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the data; undefined keeps it in memory (tests). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export class EmbeddedPostgresError extends Error {}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) behind the PostgreSQL wire
 * protocol, so the app keeps one code path: it always talks to a PostgreSQL URL.
 * PGlite has one session, so connections take turns by transaction (see
 * PGliteSessionServer); it is the zero-setup default, not a production server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {};

  try {
    await assertPortFree(host, port);
    const db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const server = new PGliteSessionServer(db, { host, port, maxConnections: 64 });
    await server.start();
    let stopped = false;
    return {
      url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite has no file locking of its own: two processes on one folder would
 * corrupt it. A pid file refuses the second one while the first is alive.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "gloss.lock");
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new EmbeddedPostgresError(
        `The embedded database folder ${dataDir} is in use by another Gloss process (pid ${pid}). Stop it first.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new EmbeddedPostgresError(`Port ${port} on ${host} is already in use. Is Gloss already running?`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
