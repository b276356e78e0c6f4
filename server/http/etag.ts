import { etagOf } from "../readmodel/read-model";
import { sentAsIsWhenSmall } from "./respond";

/**
 * A 200 JSON read with a strong ETag over its exact bytes: a client that sends the ETag back
 * in If-None-Match gets 304 and no body. `private, no-cache`: answers depend on who asks
 * (staff see more, members see their own read positions), so only the asker's own cache keeps
 * them, and it asks again every time, which is what live pages need. A shared read from the
 * read model brings its body and ETag computed once (server/readmodel/read-model.ts).
 */
export function withEtag(req: Request, body: string, headers: Record<string, string> = {}, etag = etagOf(body)): Response {
  const common = { etag, "cache-control": "private, no-cache", ...headers };
  const match = req.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: sentAsIsWhenSmall(body, { "content-type": "application/json; charset=utf-8", ...common }) });
}
