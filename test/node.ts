import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./database";

/** The repository root (where package.json, .next and server/ live). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The one email the test nodes promote to ADMIN on register (see ADMIN_EMAILS). */
export const TEST_ADMIN_EMAIL = "first-admin@parley.test";

export interface NodeOptions {
  databaseUrl: string;
  /** A fixed port; default: a free one, picked before start so NEXTAUTH_URL can name it. */
  port?: number;
  /** The NextAuth secret; default: a random one (read it back from `node.secret`). */
  secret?: string;
  /** Extra environment for the node, e.g. `{ RATE_LIMIT_SCALE: "1" }` or `{ REDIS_URL }`. */
  env?: Record<string, string>;
  /** How long to wait for the node to report its port. */
  startTimeoutMs?: number;
  /** PARLEY_DATA_DIR (its mail/ holds the .eml files); default: a fresh temporary directory. */
  dataDir?: string;
}

export interface RunningNode {
  origin: string;
  port: number;
  secret: string;
  /** Where this node writes mail as .eml files (no SMTP_URL): <PARLEY_DATA_DIR>/mail. */
  mailDir: string;
  /** The node's recent stdout and stderr (its logs), for failure messages. */
  output(): string;
  /** Sends the server SIGTERM (SIGKILL after 15 s) and resolves once the node has exited. */
  stop(): Promise<void>;
  /** How the node's process ended: `{ code: 0, signal: null }` after a clean shutdown. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the node at once (SIGKILL), as a crashed machine would: no graceful shutdown. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave servers behind.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Fails with a clear message when `next build` has not been run: the nodes serve the production build. */
export function assertProductionBuild(root = REPO_ROOT): void {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No production build in .next: run `npm run build` before the tests (they start Parley in production mode).");
}

/**
 * Starts one production Parley node (`node --import tsx server/index.ts`, NODE_ENV=production) as a child
 * process and resolves once it prints `PARLEY_LISTENING <port>`.
 */
export async function startNode(opts: NodeOptions): Promise<RunningNode> {
  assertProductionBuild();
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const secret = opts.secret ?? randomBytes(32).toString("base64url");
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "parley-node-"));
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  // Exactly as `npm start` runs it: node itself with tsx as a loader, so SIGTERM reaches the
  // server and nothing in between (the tsx CLI, signalled too, kills a busy child after ~60 ms).
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: REPO_ROOT,
    // Own process group, so a crashed run can take anything the server started with it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: secret,
      DATABASE_URL: opts.databaseUrl,
      PARLEY_SEED: "none",
      RATE_LIMIT_SCALE: "1000",
      PARLEY_REPORT_PORT: "1",
      ADMIN_EMAILS: TEST_ADMIN_EMAIL,
      LOG_LEVEL: "warn",
      PARLEY_DATA_DIR: dataDir,
      // Mail goes out within a moment of being queued by any node.
      MAIL_POLL_MS: "200",
      ...opts.env,
    },
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  child.once("exit", () => running.delete(child));
  const output = () => lines.join("\n");

  await new Promise<void>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const fail = (why: string) => {
      clearTimeout(timer);
      killGroup(child, "SIGKILL");
      reject(new Error(`Parley node on port ${port} ${why}. Its last output:\n${lines.slice(-40).join("\n")}`));
    };
    const timer = setTimeout(() => fail(`did not report PARLEY_LISTENING within ${timeoutMs / 1000}s`), timeoutMs);
    child.stderr!.on("data", remember);
    child.stdout!.on("data", (chunk: Buffer) => {
      remember(chunk);
      if (/^PARLEY_LISTENING \d+$/m.test(chunk.toString("utf8"))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code, signal) => fail(`exited during start (code ${code}, signal ${signal})`));
  });

  let stopping: Promise<void> | undefined;
  return {
    origin,
    port,
    secret,
    mailDir: path.join(dataDir, "mail"),
    output,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        const timer = setTimeout(() => killGroup(child, "SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
    kill() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        killGroup(child, "SIGKILL");
        await exited;
      })();
      return stopping;
    },
  };
}
