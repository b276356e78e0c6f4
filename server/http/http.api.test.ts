import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../testing/context";
import type { Client, SignedUp } from "../testing/harness";
import { expectError, expectOk } from "../testing/expect";

const server = useServer();
let alice: Client & { me: SignedUp };
let postId: string;
beforeAll(async () => {
  alice = await server.member("alice");
  postId = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "HTTP edge cases", body: "b" })).json.post.id;
});
const commentsPath = () => `/api/v1/posts/${postId}/comments`;

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

  it("413 PAYLOAD_TOO_LARGE for a streamed body without Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(server.origin + commentsPath(), {
      method: "POST",
      headers: { origin: server.origin, cookie: `next-auth.session-token=${alice.sessionToken}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("closes the connection after refusing a body part-way, so a keep-alive client does not stall on it", async () => {
    const { hostname, port } = new URL(server.origin);
    const socket = net.connect(Number(port), hostname);
    let received = "";
    socket.on("data", (d) => (received += d.toString("latin1")));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    socket.write(
      `POST ${commentsPath()} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${server.origin}\r\n` +
        `Cookie: next-auth.session-token=${alice.sessionToken}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = "x".repeat(16 * 1024);
    for (let i = 0; i < 6 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const timeout = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), 3000));
    expect(await Promise.race([closed.then(() => "closed" as const), timeout])).toBe("closed");
    expect(received).toMatch(/^HTTP\/1\.1 413/);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    socket.destroy();
  });

  it("accepts a body just under the limit (the limit is the body, not the field)", async () => {
    const res = await alice.post(commentsPath(), { body: "y".repeat(19_000) });
    expectOk(res, 201);
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
