import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { expectOk } from "@/test/expect";

const server = useServer();

describe("GET /api/v1/presence", () => {
  it("answers anyone with {count, users, guests}", async () => {
    const res = await server.anonymous().get("/api/v1/presence");
    expectOk(res);
    expect(Object.keys(res.json).sort()).toEqual(["count", "guests", "users"]);
    expect(res.json.count).toBe(res.json.users.length);
    expect(Number.isInteger(res.json.guests)).toBe(true);
    // The contract's {id, username}, and the avatar (an extension) of anyone online from other tests.
    for (const u of res.json.users) {
      expect(u).toMatchObject({ id: expect.any(String), username: expect.any(String) });
      expect(["avatarUrl", "id", "username"]).toEqual(expect.arrayContaining(Object.keys(u)));
    }
  });

  it("counts no one for plain HTTP traffic (presence is live sockets only)", async () => {
    const member = await server.member("httponly");
    const res = await member.get("/api/v1/presence");
    expect(res.json.users.map((u: { id: string }) => u.id)).not.toContain(member.me.user.id);
  });
});
