import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { SESSION_COOKIE, signedUpClient, startNode, type Client, type RunningNode } from "@/test/harness";
import { connectSocket, disconnected } from "@/test/sockets";

const server = useServer();

/**
 * A POST whose body is held back until `send()`. It asks for `100 Continue`, which Node's HTTP
 * server answers just as it hands the request to Parley's handler: `reached` resolving means
 * the request is in flight on the node, not merely on its way there.
 */
function heldPost(client: Client, path: string, body: unknown) {
  const payload = JSON.stringify(body);
  const req = http.request(new URL(path, client.origin), {
    method: "POST",
    agent: false,
    headers: {
      origin: client.origin,
      cookie: `${SESSION_COOKIE}=${client.sessionToken}`,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
      expect: "100-continue",
    },
  });
  const reached = new Promise<void>((resolve) => req.once("continue", resolve));
  const response = new Promise<{ status: number; json: any }>((resolve, reject) => {
    req.once("error", reject);
    req.once("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
    });
  });
  response.catch(() => {}); // awaited later; a failure is reported there, once
  req.flushHeaders();
  return { reached, response, send: () => req.end(payload) };
}

describe("graceful shutdown", () => {
  // A node of its own, to stop; started under the hook timeout, which allows for a busy machine.
  let node: RunningNode;
  beforeAll(async () => {
    node = await startNode({ databaseUrl: server.databaseUrl });
  });
  afterAll(() => node?.stop());

  it("on SIGTERM tells sockets to reconnect (elsewhere) and finishes an in-flight request", async () => {
    const member = await signedUpClient(node.origin, "leaver");
    const socket = await connectSocket(node.origin, member, { reconnection: true });
    const reason = disconnected(socket);
    const retrying = new Promise<void>((resolve) => socket.io.once("reconnect_attempt", () => resolve()));

    const write = heldPost(member, "/api/v1/posts", { categorySlug: "general", title: "Written during shutdown", body: "x" });
    await write.reached;
    const stopped = node.stop();

    // Shutdown starts by closing every socket's transport. "transport close" is the reason a
    // client reconnects by itself (to another node, behind a balancer); "io server disconnect"
    // would strand it.
    expect(await reason).toBe("transport close");
    expect(socket.active).toBe(true);
    await retrying;
    socket.close();

    // The request was already being handled when SIGTERM came; its body arrives only now that
    // shutdown is under way, and it still completes.
    write.send();
    const res = await write.response;
    expect(res.status).toBe(201);
    await stopped;
    expect(await node.exited).toEqual({ code: 0, signal: null });
    const stored = await server.anonymous().get(`/api/v1/posts/${res.json.post.id}`);
    expect(stored.json.post).toMatchObject({ title: "Written during shutdown", author: { id: member.me.user.id } });
  });
});
