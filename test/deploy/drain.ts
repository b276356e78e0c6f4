import { expect } from "vitest";
import { signedUpClient, type Client } from "../harness";
import { LiveReader, range, until } from "../live-reader";
import { expectStoredExactly, postComment } from "../faults/support";
import { servedBy, socketsOn, type Topology } from "./topology";

/**
 * Draining one node, as an operator would (`systemctl stop parley@a`: SIGTERM) while members
 * write and read through nginx. The node tells its sockets to reconnect and finishes its
 * in-flight requests; nginx sends everything new to the other node. Writers retry a write
 * that got no answer with the same clientId, as the browser does.
 */
export async function drain(t: Topology) {
  const origin = t.proxy.origin;
  // Clients without a stickiness cookie are hashed by address: all of this test's sockets land
  // on one node, the one to drain.
  const drained = await servedBy(origin, t.nodes);
  const leaving = t.nodes[drained];
  const staying = t.nodes[1 - drained];

  const owner = await signedUpClient(origin, "owner");
  const postId = (await owner.post("/api/v1/posts", { categorySlug: "general", title: "A node is drained", body: "x" })).json.post.id;
  // Writers pick up a stickiness cookie on their first answer: they spread over both nodes.
  const writers = await Promise.all(range(4).map(() => signedUpClient(origin, "writer")));
  const guestsBefore = await socketsOn(t.nodes, "guest");
  const readers = range(3).map((i) => new LiveReader(`reader ${i}`, postId));
  await Promise.all(readers.map((r) => r.connect(origin)));
  expect((await socketsOn(t.nodes, "guest"))[drained] - guestsBefore[drained], "the readers are on the node to drain").toBe(3);

  // A reader whose connection closes connects again through the proxy, as the browser does.
  const stranded: string[] = [];
  const rejoin = async (r: LiveReader) => {
    for (let attempt = 1; attempt <= 50; attempt++) {
      try {
        await r.connect(origin);
        r.socket!.once("disconnect", () => void rejoin(r));
        return;
      } catch {
        await new Promise((res) => setTimeout(res, 100 * Math.min(attempt, 10))); // backoff, as the browser's
      }
    }
    stranded.push(r.name);
  };
  for (const r of readers) r.socket!.once("disconnect", () => void rejoin(r));

  const acknowledged = new Set<string>();
  let retried = 0;
  const perWriter = 15;
  async function writeAll(client: Client, index: number) {
    for (const n of range(perWriter)) {
      const clientId = `w${index}-c${n}`;
      for (let attempt = 1; ; attempt++) {
        const res = await postComment(client, postId, `writer ${index} comment ${n}`, clientId);
        if (res.status === 201 || res.status === 200) break;
        // No answer, or the proxy's 502/504 for a request cut by the drain: try again, same clientId.
        expect([0, 502, 503, 504], res.text).toContain(res.status);
        expect(attempt, `writer ${index} comment ${n}`).toBeLessThan(20);
        retried++;
      }
      acknowledged.add(clientId);
    }
  }
  const storm = Promise.all(writers.map(writeAll));
  await until(() => acknowledged.size >= 20, "20 acknowledged writes before the drain", 60_000);
  await leaving.stop();
  expect(await leaving.exited, "the drained node shut down cleanly").toEqual({ code: 0, signal: null });
  await storm;

  const total = writers.length * perWriter;
  await Promise.all(readers.map((r) => r.holds(total)));
  for (const r of readers) {
    expect(r.problems(), r.name).toEqual([]);
    expect(r.seqs(), r.name).toEqual(range(total));
    expect(r.segments.length, `${r.name} reconnected`).toBeGreaterThan(1);
  }
  await until(async () => (await socketsOn([staying], "guest"))[0] >= 3, "the readers' sockets on the remaining node");
  expect(await expectStoredExactly(t.database.url, postId, acknowledged)).toBe(total);
  expect(stranded).toEqual([]);
  return { retried };
}
