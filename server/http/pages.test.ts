import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";

const server = useServer();

describe("pages", () => {
  it("answer 200 where there is something to show", async () => {
    const author = await server.member("pages");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "A page", body: "x" })).json.post;
    for (const path of ["/", "/c/general", `/p/${post.id}`, `/u/${author.me.user.username}`, "/signin", "/register"]) {
      expect((await server.anonymous().get(path)).status, path).toBe(200);
    }
  });

  it("answer a real 404 status for what does not exist or is hidden", async () => {
    const author = await server.member("pages");
    const hidden = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Hidden page", body: "x" })).json.post;
    await server.db.setPostFlags(hidden.id, { hidden: true });
    const missing = [
      "/p/00000000-0000-4000-8000-000000000000",
      "/p/not-a-uuid",
      `/p/${hidden.id}`,
      "/c/no-such-category",
      "/u/no_such_member_at_all",
      "/no/such/page",
    ];
    for (const path of missing) expect((await server.anonymous().get(path)).status, path).toBe(404);
  });

  it("carry the security headers, with a fresh script nonce each time", async () => {
    const [a, b] = [await server.anonymous().get("/"), await server.anonymous().get("/")];
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline[^;]*script|script-src[^;]*unsafe-inline/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    // Next stamps the nonce on its own scripts, so the page runs under the policy.
    expect(a.text).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("x-request-id")).toBeTruthy();
  });
});
