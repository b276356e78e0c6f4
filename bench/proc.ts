import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Server memory as the kernel sees it. The process to read is found by the port it listens
 * on (whatever started it, a loader or a wrapper): its listening socket's inode in /proc/net/tcp*, then the process that
 * holds that inode as a file descriptor. Linux only; elsewhere memory is reported as skipped.
 */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; column 9 is the inode.
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of safeList("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeList(`/proc/${entry}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) return Number(entry);
    }
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Resident set size of one process in KiB (VmRSS), or null when it cannot be read. */
export function rssKb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The median of a few RSS readings taken `gapMs` apart (RSS moves with GC between reads). */
export async function settledRssKb(pid: number | null, samples = 5, gapMs = 200): Promise<number | null> {
  const seen: number[] = [];
  for (let i = 0; i < samples; i++) {
    const v = rssKb(pid);
    if (v !== null) seen.push(v);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  if (seen.length === 0) return null;
  seen.sort((a, b) => a - b);
  return seen[Math.floor(seen.length / 2)];
}

/**
 * Live memory of a server started with GC_ARGS (bench/bare.ts): three times a forced full
 * collection (SIGUSR2), a pause for it to finish and for freed pages to go, then VmRSS; the
 * median of the three. Without the forced collection a reading after a storm counts garbage,
 * and one before it can exceed one after (the negative per-socket figure of earlier runs).
 */
export async function liveRssKb(pid: number | null, samples = 3, settleMs = 600): Promise<number | null> {
  if (pid === null) return null;
  const seen: number[] = [];
  for (let i = 0; i < samples; i++) {
    try {
      process.kill(pid, "SIGUSR2");
    } catch {
      return null;
    }
    await new Promise((r) => setTimeout(r, settleMs));
    const v = rssKb(pid);
    if (v !== null) seen.push(v);
  }
  if (seen.length === 0) return null;
  seen.sort((a, b) => a - b);
  return seen[Math.floor(seen.length / 2)];
}

/**
 * The JS heap (used + external) of a measured server after its last forced collection, as
 * bench/gc-on-signal.mjs wrote it: read right after liveRssKb, it is the heap of the same moment.
 */
export function heapAfterGcKb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const { heapUsed, external } = JSON.parse(readFileSync(path.join(os.tmpdir(), `parley-bench-heap-${pid}.json`), "utf8"));
    return (heapUsed + external) / 1024;
  } catch {
    return null;
  }
}

/** CPU time (user + system, every thread) a process has used so far, in ms; null when it is gone. */
export function cpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** The kernel's clock ticks per second for /proc times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;
