import { readFileSync, readdirSync } from "node:fs";

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

function peak(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The largest peak resident memory among a process and its descendants, in
 * MB (Linux /proc): `next start` serves from a child process.
 */
export function peakMemoryOfTree(pid: number): number | null {
  const seen: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    seen.push(next);
    queue.push(...children(next));
  }
  const values = seen.map(peak).filter((value) => value > 0);
  return values.length ? Math.max(...values) : null;
}
