import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { nginxBinary, SHIPPED_CONFIG } from "./nginx";

const nginx = nginxBinary();
const debian = existsSync("/etc/nginx/nginx.conf") && existsSync("/etc/nginx/sites-enabled");

/**
 * The README's install steps, checked with `nginx -t`: deploy/nginx.conf copied into a copy of
 * this machine's /etc/nginx (Debian's layout: nginx.conf includes sites-enabled/* in its http
 * block), the default site removed, certificate paths pointed at real files. It must load next
 * to Debian's own http-level settings (gzip, ssl_protocols, ...), not only in the test's frame.
 */
describe.skipIf(!nginx.ok || !debian)("deploy/nginx.conf in Debian's nginx layout", () => {
  it("passes nginx -t as installed by the README", () => {
    if (!nginx.ok) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "parley-nginx-"));
    try {
      const etc = path.join(dir, "nginx");
      cpSync("/etc/nginx", etc, { recursive: true, dereference: true });
      // sites-enabled holds the one site: Debian's default is removed, as the README says.
      rmSync(path.join(etc, "sites-enabled"), { recursive: true, force: true });
      mkdirSync(path.join(etc, "sites-enabled"));
      const site = readFileSync(SHIPPED_CONFIG, "utf8")
        .replace("/etc/letsencrypt/live/forum.example/fullchain.pem", inject("certificate"))
        .replace("/etc/letsencrypt/live/forum.example/privkey.pem", inject("certificateKey"));
      writeFileSync(path.join(etc, "sites-available", "parley"), site);
      symlinkSync(path.join(etc, "sites-available", "parley"), path.join(etc, "sites-enabled", "parley"));
      // Its own copy of everything the main file names, so no root is needed to check it.
      const main = path.join(etc, "nginx.conf");
      const text = readFileSync(main, "utf8")
        .replaceAll("/etc/nginx/", `${etc}/`)
        .replaceAll("/var/log/nginx/", `${dir}/`)
        .replace(/^pid .*;$/m, `pid ${dir}/nginx.pid;`);
      writeFileSync(main, text);
      const res = spawnSync(nginx.path, ["-t", "-p", dir, "-c", main, "-e", path.join(dir, "error.log")], { encoding: "utf8" });
      expect(res.stderr).toMatch(/test is successful/);
      expect(res.stderr).not.toMatch(/\[warn\]|\[emerg\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
