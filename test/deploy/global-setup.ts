import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { assertProductionBuild } from "../harness";
import { redisServerAvailable } from "../redis-server";
import { makeCertificate, nginxBinary } from "./nginx";

declare module "vitest" {
  export interface ProvidedContext {
    /** Why the deploy suite cannot run here ("" when it can). */
    deploySkip: string;
    /** A private directory for nginx's files, with the throwaway certificate in it. */
    deployDir: string;
    certificate: string;
    certificateKey: string;
  }
}

/**
 * `npm run test:deploy`: the production build, nginx, redis-server and openssl must be there.
 * The throwaway certificate is made here, before the test worker starts, so that the worker
 * inherits NODE_EXTRA_CA_CERTS and its HTTPS and wss:// clients verify nginx's certificate
 * instead of switching verification off.
 */
export default function setup(project: TestProject) {
  assertProductionBuild();
  const nginx = nginxBinary();
  const redis = redisServerAvailable();
  const skip = !nginx.ok ? nginx.reason : !redis.ok ? redis.reason : "";
  const dir = mkdtempSync(path.join(os.tmpdir(), "parley-deploy-"));
  // nginx's workers drop root's privileges: they must reach the temp paths inside.
  chmodSync(dir, 0o755);
  let cert = { certificate: "", key: "" };
  if (!skip) {
    cert = makeCertificate(dir);
    process.env.NODE_EXTRA_CA_CERTS = cert.certificate;
  }
  project.provide("deploySkip", skip);
  project.provide("deployDir", dir);
  project.provide("certificate", cert.certificate);
  project.provide("certificateKey", cert.key);
  return () => rmSync(dir, { recursive: true, force: true });
}
