/**
 * Where uploaded files live. Keys are content hashes (sha256 hex plus an extension), so a
 * stored object never changes and can be served with immutable caching; the same bytes
 * uploaded twice are one object.
 */
export interface Storage {
  /** Which driver this is, for logs and the README's "which one am I on". */
  readonly kind: "local" | "s3";
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** sha256 hex and an extension: nothing else can name an object (no paths, no traversal). */
export const STORAGE_KEY = /^[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

export function assertKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}
