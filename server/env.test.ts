import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/test/harness";

/** Loads server/env.ts in a fresh process with exactly `env`; returns its exit status and stderr. */
function loadEnv(env: Record<string, string>) {
  const res = spawnSync(
    path.join(REPO_ROOT, "node_modules/.bin/tsx"),
    ["-e", 'import("./server/env.ts").then(() => console.log("loaded"))'],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH!, PARLEY_DATA_DIR: path.join(REPO_ROOT, ".data", "env-test"), ...env } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    },
  );
  return { status: res.status, out: res.stdout, err: res.stderr };
}

describe("environment", () => {
  it("refuses to start in production without NEXTAUTH_SECRET", () => {
    const res = loadEnv({ NODE_ENV: "production" });
    expect(res.status).not.toBe(0);
    expect(res.err).toMatch(/NEXTAUTH_SECRET is required in production/);
  });

  it("refuses demo accounts (known passwords) in production", () => {
    const res = loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "a-real-secret-of-enough-length-for-production", PARLEY_SEED: "demo" });
    expect(res.status).not.toBe(0);
    expect(res.err).toMatch(/refused in production/);
  });

  it("starts in production with a secret, and in development without one", () => {
    expect(loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "a-real-secret-of-enough-length-for-production" }).out).toMatch(/loaded/);
    expect(loadEnv({ NODE_ENV: "development" }).out).toMatch(/loaded/);
  });

  it("refuses a NEXTAUTH_SECRET shorter than 32 characters in production", () => {
    const res = loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "sixteen-chars-16" });
    expect(res.status).not.toBe(0);
    expect(res.err).toMatch(/at least 32 characters/);
    expect(loadEnv({ NODE_ENV: "development", NEXTAUTH_SECRET: "sixteen-chars-16" }).out).toMatch(/loaded/);
  });

  it("reads TRUST_PROXY as a number of hops, 0 by default", () => {
    expect(loadEnv({ TRUST_PROXY: "two" }).err).toMatch(/TRUST_PROXY/);
    expect(loadEnv({ TRUST_PROXY: "1" }).out).toMatch(/loaded/);
  });

  it("sends HSTS only in production over https", () => {
    const headers = (env: Record<string, string>) => {
      const res = spawnSync(
        path.join(REPO_ROOT, "node_modules/.bin/tsx"),
        ["-e", 'import("./server/http/server.ts").then((m) => console.log(JSON.stringify(m.baseSecurityHeaders())))'],
        {
          cwd: REPO_ROOT,
          env: {
            PATH: process.env.PATH!,
            PARLEY_DATA_DIR: path.join(REPO_ROOT, ".data", "env-test"),
            LOG_LEVEL: "silent",
            ...env,
          } as never,
          encoding: "utf8",
        },
      );
      return JSON.parse(res.stdout.trim().split("\n").pop()!) as Record<string, string>;
    };
    const secret = "a-real-secret-of-enough-length-for-production";
    expect(
      headers({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "https://forum.example" })["strict-transport-security"],
    ).toMatch(/max-age=\d+/);
    expect(headers({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://localhost:3000" })).not.toHaveProperty(
      "strict-transport-security",
    );
    expect(headers({ NODE_ENV: "development", NEXTAUTH_URL: "https://forum.example" })).not.toHaveProperty("strict-transport-security");
  });

  it("rejects malformed values with the variable's name", () => {
    const res = loadEnv({ PORT: "not-a-port" });
    expect(res.status).not.toBe(0);
    expect(res.err).toMatch(/PORT/);
  });

  it("refuses half an identity provider's settings rather than hiding its button", () => {
    const oidc = loadEnv({ OIDC_ISSUER: "https://id.example", OIDC_CLIENT_ID: "parley" });
    expect(oidc.status).not.toBe(0);
    expect(oidc.err).toMatch(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    const github = loadEnv({ GITHUB_ID: "parley" });
    expect(github.status).not.toBe(0);
    expect(github.err).toMatch(/GITHUB_ID and GITHUB_SECRET/);
  }, 60_000);
});
