/**
 * A PostgreSQL cluster of our own in a temporary folder, on a free port, so
 * the fault test can stop and restart it without touching the machine's
 * server. Uses the server binaries of the installed PostgreSQL (Debian puts
 * them in /usr/lib/postgresql/<version>/bin, which is not on PATH). PostgreSQL
 * refuses to run as root, so as root every command runs as `postgres`.
 */
import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../embedded-postgres.ts";

export interface ThrowawayPostgres {
  url: string;
  port: number;
  /**
   * Stops the server: "fast" disconnects clients cleanly, "immediate" is a crash (WAL recovery on start).
   * Resolves when pg_ctl reports it stopped. Asynchronous, so clients in this process keep running (and
   * their answers are timed) while it stops.
   */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** Starts it again; resolves when pg_ctl reports it ready. */
  start(): Promise<void>;
  /** Stops it and deletes the folder. */
  destroy(): void;
}

function serverBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (existsSync(join(base, version, "bin", "initdb"))) return join(base, version, "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (which.status === 0) return join(which.stdout.trim(), "..");
  throw new Error("PostgreSQL's server binaries (initdb, pg_ctl) were not found. Install PostgreSQL (apt-get install postgresql) or set PG_BIN_DIR.");
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = serverBinDir();
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "gloss-faults-pg-"));
  const dataDir = join(dir, "data");
  if (isRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gids = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (ids.status !== 0) throw new Error("Running as root needs a `postgres` user to run PostgreSQL as.");
    chownSync(dir, Number(ids.stdout), Number(gids.stdout));
  }
  const commandLine = (command: string, args: string[]): [string, string[]] => (isRoot ? ["runuser", ["-u", "postgres", "--", join(bin, command), ...args]] : [join(bin, command), args]);
  const run = (command: string, args: string[]) => {
    const result = spawnSync(...commandLine(command, args), { encoding: "utf8", cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const runAsync = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(...commandLine(command, args), { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${output}`))));
    });
  const port = await findFreePort("127.0.0.1");
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-instructions", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=100`;
  const startArgs = ["-D", dataDir, "-l", join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"];
  const stopArgs = (mode: "fast" | "immediate") => ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"];
  run("pg_ctl", startArgs);
  let destroyed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: (mode) => runAsync("pg_ctl", stopArgs(mode)),
    start: () => runAsync("pg_ctl", startArgs),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        run("pg_ctl", stopArgs("immediate"));
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
