import { createHash } from "node:crypto";

/**
 * A 200 JSON read with a strong ETag over its exact bytes: a client that sends the ETag back
 * in If-None-Match gets 304 and no body. `private, no-cache`: answers depend on who asks
 * (staff see more, members see their own read positions), so only the asker's own cache keeps
 * them, and it asks again every time, which is what live pages need.
 */
export function withEtag(req: Request, body: string, headers: Record<string, string> = {}): Response {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const common = { etag, "cache-control": "private, no-cache", ...headers };
  const match = req.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { "content-type": "application/json; charset=utf-8", ...common } });
}
