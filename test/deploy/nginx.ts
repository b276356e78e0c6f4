import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { REPO_ROOT } from "../node";

/**
 * nginx started from the shipped deploy/nginx.conf, for `npm run test:deploy`. Only what a
 * machine decides is changed: listen ports (loopback), the certificate paths, the redirect's
 * port and the node addresses. Every change must find its target, so the test and the shipped
 * file cannot drift apart silently. Free of vitest, like the rest of the harness.
 */
export const SHIPPED_CONFIG = path.join(REPO_ROOT, "deploy", "nginx.conf");

export interface ProxyOptions {
  /** A private directory for the generated config, logs, pid and temp files. */
  dir: string;
  httpsPort: number;
  httpPort: number;
  certificate: string;
  key: string;
  /** The two nodes' ports, in the order of the shipped file's `server` lines. */
  nodePorts: [number, number];
}

export interface RunningProxy {
  origin: string;
  httpOrigin: string;
  /** nginx's error log so far, for failure messages. */
  errors(): string;
  stop(): Promise<void>;
}

/** The nginx binary (root's PATH has /usr/sbin; a user's may not), or the reason there is none. */
export function nginxBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    const probe = spawnSync(candidate, ["-v"], { encoding: "utf8" });
    if (!probe.error && probe.status === 0) return { ok: true, path: candidate };
  }
  return { ok: false, reason: "no nginx binary (apt-get install nginx)" };
}

/** Replaces `from` with `to` exactly `count` times in `text`, or throws naming what is missing. */
function substitute(text: string, from: string, to: string, count = 1): string {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`deploy/nginx.conf: expected ${count} × "${from}", found ${found}`);
  return text.split(from).join(to);
}

/** The shipped site configuration with this machine's ports, certificate and nodes. */
export function templateSite(opts: ProxyOptions, shipped = readFileSync(SHIPPED_CONFIG, "utf8")): string {
  let site = shipped;
  site = substitute(site, "listen 80;", `listen 127.0.0.1:${opts.httpPort};`);
  site = substitute(site, "listen [::]:80;\n", "");
  site = substitute(site, "listen 443 ssl http2;", `listen 127.0.0.1:${opts.httpsPort} ssl http2;`);
  site = substitute(site, "listen [::]:443 ssl http2;\n", "");
  site = substitute(site, "return 301 https://$host$request_uri;", `return 301 https://$host:${opts.httpsPort}$request_uri;`);
  site = substitute(site, "/etc/letsencrypt/live/forum.example/fullchain.pem", opts.certificate);
  site = substitute(site, "/etc/letsencrypt/live/forum.example/privkey.pem", opts.key);
  site = substitute(site, "server 127.0.0.1:3001 ", `server 127.0.0.1:${opts.nodePorts[0]} `);
  site = substitute(site, "server 127.0.0.1:3002 ", `server 127.0.0.1:${opts.nodePorts[1]} `);
  return site;
}

/**
 * The main configuration Debian's /etc/nginx/nginx.conf would be, cut to what a private
 * instance needs: its own pid, logs and temp paths, and the site included in its http block.
 */
function mainConfig(dir: string): string {
  const mime = "/etc/nginx/mime.types";
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    ${existsSync(mime) ? `include ${mime};` : ""}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/temp/client;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    include ${dir}/parley.conf;
}
`;
}

const running = new Set<ChildProcess>();
// SIGTERM, not SIGKILL: nginx's master then stops its workers, which SIGKILL would orphan
// (still holding the ports).
process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Starts nginx in the foreground (`daemon off`) and resolves once it accepts connections. */
export async function startProxy(opts: ProxyOptions): Promise<RunningProxy> {
  const binary = nginxBinary();
  if (!binary.ok) throw new Error(binary.reason);
  mkdirSync(path.join(opts.dir, "temp"), { recursive: true });
  writeFileSync(path.join(opts.dir, "parley.conf"), templateSite(opts));
  writeFileSync(path.join(opts.dir, "nginx.conf"), mainConfig(opts.dir));
  const args = ["-p", opts.dir, "-c", path.join(opts.dir, "nginx.conf"), "-e", path.join(opts.dir, "error.log"), "-g", "daemon off;"];
  const check = spawnSync(binary.path, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the shipped config:\n${check.stderr}`);

  const child = spawn(binary.path, args, { stdio: ["ignore", "ignore", "pipe"] });
  running.add(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => (running.delete(child), resolve())));
  const errors = () => {
    const log = path.join(opts.dir, "error.log");
    return stderr + (existsSync(log) ? readFileSync(log, "utf8") : "");
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(opts.httpsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not start:\n${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin: `https://127.0.0.1:${opts.httpsPort}`,
    httpOrigin: `http://127.0.0.1:${opts.httpPort}`,
    errors,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM"); // fast shutdown: the test is over
      await exited;
    },
  };
}

/**
 * A throwaway self-signed certificate for 127.0.0.1 (and localhost), made with openssl:
 * `{certificate, key}` paths in `dir`. Node trusts it through NODE_EXTRA_CA_CERTS; browsers
 * in the test ignore certificate errors.
 */
export function makeCertificate(dir: string): { certificate: string; key: string } {
  const certificate = path.join(dir, "parley-test.crt");
  const key = path.join(dir, "parley-test.key");
  const res = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      key,
      "-out",
      certificate,
    ],
    { encoding: "utf8" },
  );
  if (res.error || res.status !== 0) throw new Error(`openssl could not make a certificate: ${res.error?.message ?? res.stderr}`);
  return { certificate, key };
}
