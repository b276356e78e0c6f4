import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage, createS3Storage, type Storage } from "./index";
import { storageFromEnv } from "./index";

const keyFor = (data: Buffer) => `${createHash("sha256").update(data).digest("hex")}.webp`;

/** What every driver must do: store, read back byte for byte, report a miss, delete, refuse a bad key. */
function contract(name: string, make: () => Storage) {
  describe(`${name} driver`, () => {
    it("stores bytes under their hash and reads them back exactly", async () => {
      const storage = make();
      const data = randomBytes(70_000);
      await storage.put(keyFor(data), data, "image/webp");
      expect(Buffer.compare((await storage.get(keyFor(data)))!, data)).toBe(0);
    });
    it("answers null for a key it never stored", async () => {
      expect(await make().get(keyFor(randomBytes(8)))).toBeNull();
    });
    it("deletes an object, and deleting a missing one is not an error", async () => {
      const storage = make();
      const data = randomBytes(100);
      await storage.put(keyFor(data), data, "image/webp");
      await storage.delete(keyFor(data));
      expect(await storage.get(keyFor(data))).toBeNull();
      await expect(storage.delete(keyFor(data))).resolves.toBeUndefined();
    });
    it("refuses anything but a hash key (no paths)", async () => {
      const storage = make();
      for (const bad of ["../etc/passwd", "a.webp", `${"0".repeat(64)}/x.webp`, ""])
        await expect(storage.put(bad, Buffer.from("x"), "image/webp")).rejects.toThrow(/storage key/);
    });
  });
}

let dir: string;
let s3dir: string;
let s3: S3rver;
let endpoint: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "parley-local-storage-"));
  s3dir = await mkdtemp(path.join(os.tmpdir(), "parley-s3rver-"));
  // A real S3-compatible server on a free loopback port, with the bucket Parley is told to use.
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "parley-test" }] });
  const address = await s3.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(s3dir, { recursive: true, force: true });
});

const s3Options = () => ({
  bucket: "parley-test",
  endpoint,
  region: "us-east-1",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
});

contract("local", () => createLocalStorage(dir));
contract("s3", () => createS3Storage(s3Options()));

describe("choosing a driver", () => {
  it("uses the local disk under <PARLEY_DATA_DIR>/uploads without S3_BUCKET", async () => {
    const storage = storageFromEnv({ PARLEY_DATA_DIR: dir, S3_REGION: "us-east-1" });
    expect(storage.kind).toBe("local");
    const data = randomBytes(32);
    await storage.put(keyFor(data), data, "image/webp");
    expect(await readdir(path.join(dir, "uploads", keyFor(data).slice(0, 2)))).toContain(keyFor(data));
  });
  it("uses the bucket when S3_BUCKET is set, and the object is really in it", async () => {
    const storage = storageFromEnv({
      PARLEY_DATA_DIR: dir,
      S3_BUCKET: "parley-test",
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    expect(storage.kind).toBe("s3");
    const data = randomBytes(64);
    await storage.put(keyFor(data), data, "image/webp");
    // Read back over plain HTTP from the S3 server itself: the driver wrote to the bucket, not elsewhere.
    const res = await fetch(`${endpoint}/parley-test/${keyFor(data)}`);
    expect(res.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), data)).toBe(0);
  });
});
