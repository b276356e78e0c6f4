// Preloaded (`--import`) into every server the bench measures, with --expose-gc: SIGUSR2 runs
// a full garbage collection, so a memory reading counts what is live rather than what the
// collector has not yet reclaimed. Nothing in Parley itself uses SIGUSR2. The handler is set
// even without --expose-gc, so the signal never ends a server.
// After collecting, it also writes the JS heap then (used + external: what live objects and the
// buffers they own take, without the allocator's slack that RSS also counts) where the bench
// reads it back (bench/proc.ts, heapAfterGcKb).
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const heapFile = path.join(os.tmpdir(), `parley-bench-heap-${process.pid}.json`);
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  writeFileSync(heapFile, JSON.stringify({ heapUsed, external }));
});
