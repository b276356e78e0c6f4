import type { z } from "zod";
import { AppError, validation } from "../errors";
import type { RawBody } from "./operation";

/** The request body limit of the contract. Larger bodies get 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

/** `unreadBody`: the rest of the body is still on the socket, so the response must close it. */
const tooLarge = (max: number, unreadBody = false) =>
  Object.assign(new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${sizeOf(max)}`), { unreadBody });

/**
 * The body's bytes, at most `max` of them whatever Content-Length claims: a declared length
 * over it is refused before anything is read, and a stream that runs past it is cut off there,
 * so nothing larger is ever held in memory. null: no body.
 */
export async function readBytes(req: Request, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge(max); // Node discards a declared body itself
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max, true);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads at most MAX_BODY_BYTES, whatever Content-Length claims, and parses JSON. With
 * `optional`, an empty body reads as undefined instead of failing.
 */
export async function readJson(req: Request, { optional = false } = {}): Promise<unknown> {
  const bytes = await readBytes(req, MAX_BODY_BYTES);
  if (!bytes) {
    if (optional) return undefined;
    throw new AppError("BAD_JSON", "request body must be JSON");
  }
  const text = bytes.toString("utf8");
  if (!text.trim()) {
    if (optional) return undefined;
    throw new AppError("BAD_JSON", "request body must be JSON");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_JSON", "request body is not valid JSON");
  }
}

/** A declared raw body: its media type first (400 before any byte is read), then its bytes under its own limit. */
export async function readRaw(req: Request, spec: RawBody): Promise<Buffer> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!spec.types.includes(type)) throw validation([{ field: "content-type", message: `must be one of ${spec.types.join(", ")}` }]);
  const bytes = await readBytes(req, spec.maxBytes);
  if (!bytes?.length) throw validation([{ field: "body", message: "must not be empty" }]);
  return bytes;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validation(
    result.error.issues.map((i) => ({
      field: i.path.length ? i.path.join(".") : "body",
      message: i.code === "unrecognized_keys" ? `unknown field(s): ${(i as { keys: string[] }).keys.join(", ")}` : i.message,
    })),
  );
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
