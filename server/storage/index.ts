import path from "node:path";
import type { Env } from "../env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { Storage } from "./storage";

export type { Storage } from "./storage";
export { createLocalStorage } from "./local";
export { createS3Storage } from "./s3";

/** S3 when S3_BUCKET is set (with S3_ENDPOINT, S3_REGION and the keys), else the local disk. */
export function storageFromEnv(
  e: Pick<Env, "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "PARLEY_DATA_DIR">,
): Storage {
  if (e.S3_BUCKET)
    return createS3Storage({
      bucket: e.S3_BUCKET,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    });
  return createLocalStorage(path.resolve(e.PARLEY_DATA_DIR, "uploads"));
}
