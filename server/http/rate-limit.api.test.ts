import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, startNode, TEST_PASSWORD, uniqueName, type RunningNode } from "@/test/harness";
import { expectError } from "@/test/expect";

const server = useServer();
// The shared node runs with RATE_LIMIT_SCALE=1000; this file starts a second node on the same
// database with the real limits (register 5/hour per IP, posts 5/minute per member).
let strict: RunningNode;
beforeAll(async () => {
  strict = await startNode({ databaseUrl: server.databaseUrl, env: { RATE_LIMIT_SCALE: "1" } });
});
afterAll(() => strict?.stop());

describe("rate limits", () => {
  it("the 6th registration from one IP within the hour gets 429 RATE_LIMITED with Retry-After", async () => {
    const client = createClient(strict.origin);
    const attempt = () => {
      const name = uniqueName("rl");
      return client.post("/api/v1/auth/register", {
        email: `${name.toLowerCase()}@members.parley.test`,
        username: name,
        password: TEST_PASSWORD,
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(201);
    const limited = await attempt();
    expectError(limited, 429, "RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
  });

  it("limits posts per member: the 6th within a minute gets 429", async () => {
    const member = await server.member("poster"); // registered on the lenient node
    const client = createClient(strict.origin);
    await client.signIn(member.me.email, member.me.password);
    const post = (i: number) => client.post("/api/v1/posts", { categorySlug: "general", title: `rate ${i}`, body: "b" });
    for (let i = 0; i < 5; i++) expect((await post(i)).status).toBe(201);
    const limited = await post(6);
    expectError(limited, 429, "RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another member is not affected.
    const other = await server.member("poster2");
    const otherClient = createClient(strict.origin);
    await otherClient.signIn(other.me.email, other.me.password);
    expect((await otherClient.post("/api/v1/posts", { categorySlug: "general", title: "mine", body: "b" })).status).toBe(201);
  });
});
