import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../harness";

const UNIT = readFileSync(path.join(REPO_ROOT, "deploy/parley.service"), "utf8");

/** The unit's settings by section; a key given twice keeps every value. */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) current = sections[section[1]] = {};
    else if (current) {
      const eq = line.indexOf("=");
      (current[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
    }
  }
  return sections;
}

describe("deploy/parley.service", () => {
  const unit = parseUnit(UNIT);
  const service = unit.Service;

  it("runs the server as `npm start` does, in production, as a user of its own", () => {
    const start = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).scripts.start as string;
    expect(start).toBe("NODE_ENV=production node --import tsx server/index.ts");
    expect(service.ExecStart).toEqual(["/usr/bin/node --import tsx server/index.ts"]);
    expect(service.Environment).toContain("NODE_ENV=production");
    expect(service.User?.[0]).toMatch(/^(?!root$)\w+$/);
  });

  it("restarts on failure and waits for the graceful shutdown before SIGKILL", () => {
    expect(service.Restart).toEqual(["on-failure"]);
    expect(service.KillSignal).toEqual(["SIGTERM"]);
    expect(service.KillMode).toEqual(["mixed"]);
    // server/index.ts gives up on its own graceful shutdown after 10 s.
    expect(readFileSync(path.join(REPO_ROOT, "server/index.ts"), "utf8")).toMatch(/process\.exit\(1\), 10_000\)/);
    expect(Number(service.TimeoutStopSec?.[0])).toBeGreaterThan(10);
  });

  it("is a unit systemd accepts, as parley.service and as the parley@.service template", () => {
    const probe = spawnSync("systemd-analyze", ["--version"]);
    if (probe.error || probe.status !== 0) return console.warn("[deploy] systemd-analyze not found: unit not verified");
    const dir = mkdtempSync(path.join(os.tmpdir(), "parley-unit-"));
    try {
      for (const name of ["parley.service", "parley@.service"]) {
        copyFileSync(path.join(REPO_ROOT, "deploy/parley.service"), path.join(dir, name));
        const res = spawnSync("systemd-analyze", ["verify", path.join(dir, name)], { encoding: "utf8" });
        expect(
          res.stderr.split("\n").filter((l) => /parley/.test(l)),
          name,
        ).toEqual([]);
        expect(res.status, `${name}: ${res.stderr}`).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
