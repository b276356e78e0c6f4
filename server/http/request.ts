import type { z } from "zod";
import { AppError, validation } from "../errors";

/** The request body limit of the contract. Larger bodies get 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** `unreadBody`: the rest of the body is still on the socket, so the response must close it. */
const tooLarge = (unreadBody = false) =>
  Object.assign(new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${MAX_BODY_BYTES / 1024} KB`), { unreadBody });

/**
 * Reads at most MAX_BODY_BYTES, whatever Content-Length claims, and parses JSON. With
 * `optional`, an empty body reads as undefined instead of failing.
 */
export async function readJson(req: Request, { optional = false } = {}): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge(); // Node discards a declared body itself
  if (!req.body) {
    if (optional) return undefined;
    throw new AppError("BAD_JSON", "request body must be JSON");
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge(true);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
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
