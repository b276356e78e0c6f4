// Loaded into the Parley node by `BENCH_CPU_PROFILE=<dir> npm run bench`: samples the node's
// CPU from start to stop (the inspector's profiler, every 0.5 ms) and writes
// <dir>/parley-<pid>.cpuprofile when the bench stops the node. Open it in Chrome's DevTools
// (Performance panel) or any .cpuprofile viewer.
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  const stop = () =>
    session.post("Profiler.stop", (err, result) => {
      if (!err) writeFileSync(path.join(dir, `parley-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
