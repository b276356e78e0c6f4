import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client, SignedUp } from "@/test/harness";
import { expectError, expectOk } from "@/test/expect";

const server = useServer();
let alice: Client & { me: SignedUp };
let postId: string;
beforeAll(async () => {
  alice = await server.member("alice");
  postId = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "HTTP edge cases", body: "b" })).json.post.id;
});
const commentsPath = () => `/api/v1/posts/${postId}/comments`;

/** Alice's request head, written by hand: for what fetch hides (one socket, chunked bodies, Connection). */
function head(method: string, path: string, extra: string): string {
  const { host } = new URL(server.origin);
  return `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${server.origin}\r\nCookie: next-auth.session-token=${alice.sessionToken}\r\nContent-Type: application/json\r\n${extra}\r\n\r\n`;
}

/** One raw TCP connection to the node. */
function rawHttp() {
  const { hostname, port } = new URL(server.origin);
  const socket = net.connect(Number(port), hostname);
  let data = "";
  socket.on("data", (d) => (data += d.toString("latin1")));
  socket.on("error", () => {}); // the server may close while we still write; what it answered is in `data`
  const closed = new Promise<true>((resolve) => socket.on("close", () => resolve(true)));
  return {
    send: (text: string) => void socket.write(text),
    received: () => data,
    reset: () => void (data = ""),
    closedWithin: (ms: number) => Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), ms))]),
    close: () => socket.destroy(),
  };
}

describe("GET /api/health", () => {
  it("200 with status ok and db ok", async () => {
    const res = await server.anonymous().get("/api/health");
    expectOk(res);
    expect(res.json).toMatchObject({ status: "ok", db: "ok" });
  });
});

describe("unknown /api/v1 routes", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("%s → 404 NOT_FOUND in the error shape", async (method) => {
    const res = await alice.request(method, "/api/v1/anything/at/all", method === "GET" ? undefined : {});
    expectError(res, 404, "NOT_FOUND");
  });
});

describe("request bodies", () => {
  it("400 BAD_JSON for malformed JSON", async () => {
    expectError(await alice.post(commentsPath(), undefined, { rawBody: '{"body": "unterminated' }), 400, "BAD_JSON");
    expectError(await alice.post(commentsPath(), undefined, { rawBody: "body=form-encoded" }), 400, "BAD_JSON");
  });

  it("400 BAD_JSON for an empty body", async () => {
    expectError(await alice.post(commentsPath(), undefined, { rawBody: "" }), 400, "BAD_JSON");
  });

  it("400 VALIDATION_FAILED for JSON that is not an object", async () => {
    expectError(await alice.post(commentsPath(), ["body"]), 400, "VALIDATION_FAILED");
    expectError(await alice.post(commentsPath(), null), 400, "VALIDATION_FAILED");
  });

  it("413 PAYLOAD_TOO_LARGE for a body over 64 KB", async () => {
    const big = JSON.stringify({ body: "x".repeat(70 * 1024) });
    expectError(await alice.post(commentsPath(), undefined, { rawBody: big }), 413, "PAYLOAD_TOO_LARGE");
  });

  it("413 for a chunked body that grows past 64 KB, closing the connection so keep-alive clients do not stall on it", async () => {
    const conn = rawHttp();
    const chunk = "x".repeat(16 * 1024);
    conn.send(
      head("POST", commentsPath(), "Transfer-Encoding: chunked") + Array.from({ length: 6 }, () => `4000\r\n${chunk}\r\n`).join(""),
    );
    expect(await conn.closedWithin(3000)).toBe(true);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(conn.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(conn.received()).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it("413 for a declared Content-Length over 64 KB keeps the connection usable", async () => {
    const conn = rawHttp();
    const big = JSON.stringify({ body: "x".repeat(70 * 1024) });
    conn.send(head("POST", commentsPath(), `Content-Length: ${big.length}`) + big);
    await expect.poll(() => conn.received(), { timeout: 3000 }).toMatch(/^HTTP\/1\.1 413[\s\S]*\r\n0\r\n\r\n$/);
    const small = JSON.stringify({ body: "after a 413" });
    conn.reset();
    conn.send(head("POST", commentsPath(), `Content-Length: ${small.length}`) + small);
    await expect.poll(() => conn.received(), { timeout: 3000 }).toMatch(/^HTTP\/1\.1 201/);
    conn.close();
  });

  it("accepts a body just under the limit (the limit is the body, not the field)", async () => {
    const res = await alice.post(commentsPath(), { body: "y".repeat(19_000) });
    expectOk(res, 201);
  });
});

describe("compression", () => {
  it("sends small JSON answers as they are and gzips large ones", async () => {
    const gzip = { headers: { "accept-encoding": "gzip" } };
    const created = await alice.post(commentsPath(), { body: "a comment whose answer is small" }, gzip);
    expect(created.status).toBe(201);
    expect(created.headers.get("content-encoding")).toBeNull();
    expect(created.headers.get("cache-control")).toContain("no-transform");
    const refused = await alice.post(commentsPath(), { body: "" }, gzip);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-encoding")).toBeNull();
    const large = await alice.get("/api/v1/openapi.json", gzip);
    expectOk(large);
    expect(large.text.length).toBeGreaterThan(2048);
    expect(large.headers.get("content-encoding")).toBe("gzip");
  });
});

describe("cross-site protection on writes", () => {
  const body = { body: "origin check" };

  it("403 FORBIDDEN for a foreign Origin", async () => {
    expectError(await alice.post(commentsPath(), body, { origin: "https://evil.example" }), 403, "FORBIDDEN");
    expectError(await alice.post(commentsPath(), body, { origin: server.origin.replace("127.0.0.1", "localhost") }), 403, "FORBIDDEN");
    expectError(await alice.delete(`/api/v1/posts/${postId}`, { origin: "https://evil.example" }), 403, "FORBIDDEN");
  });

  it("403 FORBIDDEN with neither Origin nor Referer, or Origin `null`", async () => {
    expectError(await alice.post(commentsPath(), body, { origin: null }), 403, "FORBIDDEN");
    expectError(await alice.post(commentsPath(), body, { origin: "null" }), 403, "FORBIDDEN");
  });

  it("falls back to Referer: same-origin allowed, foreign refused", async () => {
    const same = await alice.post(commentsPath(), body, { origin: null, headers: { referer: `${server.origin}/posts/${postId}` } });
    expectOk(same, 201);
    const foreign = await alice.post(commentsPath(), body, { origin: null, headers: { referer: "https://evil.example/page" } });
    expectError(foreign, 403, "FORBIDDEN");
  });

  it("refuses before it reads the session: anonymous foreign writes are 403 too", async () => {
    expectError(await server.anonymous().post("/api/v1/auth/register", {}, { origin: "https://evil.example" }), 403, "FORBIDDEN");
  });

  it("does not check reads", async () => {
    expectOk(await alice.get(commentsPath(), { origin: "https://evil.example" }));
    expectOk(await alice.get(commentsPath(), { origin: null }));
  });
});

describe("request ids", () => {
  it("every response carries x-request-id, and error bodies repeat it", async () => {
    const anon = server.anonymous();
    const responses = await Promise.all([
      anon.get("/api/v1/categories"),
      anon.get("/api/health"),
      alice.post(commentsPath(), { body: "ok" }),
      anon.get("/api/v1/me"),
      anon.get("/api/v1/nope"),
      alice.post(commentsPath(), {}),
    ]);
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of responses.filter((r) => r.status >= 400)) expect(r.json.error.requestId).toBe(r.headers.get("x-request-id"));
  });

  it("echoes a well-formed client request id and replaces a malformed one", async () => {
    const mine = "trace-0123456789abcdef";
    const ok = await server.anonymous().get("/api/v1/me", { headers: { "x-request-id": mine } });
    expect(ok.headers.get("x-request-id")).toBe(mine);
    expect(ok.json.error.requestId).toBe(mine);
    const bad = await server.anonymous().get("/api/v1/me", { headers: { "x-request-id": "<script>" } });
    expect(bad.headers.get("x-request-id")).not.toBe("<script>");
    expect(bad.json.error.requestId).toBe(bad.headers.get("x-request-id"));
  });
});

describe("response headers", () => {
  it("API responses are JSON, not sniffable, and framing is denied", async () => {
    const res = await server.anonymous().get("/api/v1/categories");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("ETags on JSON reads", () => {
  it("a read answers with a strong ETag, 304 when it is sent back, and a new one once the data changed", async () => {
    const anonymous = server.anonymous();
    const first = await anonymous.get(commentsPath());
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await anonymous.request("GET", commentsPath(), undefined, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");

    await alice.post(commentsPath(), { body: "a change" });
    const changed = await anonymous.request("GET", commentsPath(), undefined, { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.json.comments.at(-1).body).toBe("a change");
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
