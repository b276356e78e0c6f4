import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";

const server = useServer();

const HIT = "x-parley-page-cache";
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")![1];

async function guestGet(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.origin + path, { headers: { "accept-encoding": "gzip", ...headers } });
  return {
    status: res.status,
    hit: res.headers.get(HIT) === "hit",
    csp: res.headers.get("content-security-policy"),
    encoding: res.headers.get("content-encoding"),
    link: res.headers.get("link"),
    text: await res.text(),
  };
}

/**
 * A render of `path` and the replay after it. Other test files share this node, and some of
 * their events (an avatar changed, an account deleted) empty the whole read model: when one
 * lands between the two requests, the next render and its replay are taken instead.
 */
async function renderThenReplay(path: string) {
  let first = await guestGet(path);
  for (let attempt = 0; ; attempt++) {
    const second = await guestGet(path);
    if ((!first.hit && second.hit) || attempt === 5) return [first, second] as const;
    first = second;
  }
}

describe("guest pages replayed from the read model", () => {
  it("replays a post page with this response's own script nonce, and never an older one", async () => {
    const author = await server.member("replayed");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Replayed thread", body: "x" })).json.post;
    const [first, second] = await renderThenReplay(`/p/${post.id}`);
    expect([first.status, first.hit, second.status, second.hit]).toEqual([200, false, 200, true]);
    expect(second.text).toContain("Replayed thread");
    const [a, b] = [nonceOf(first.csp), nonceOf(second.csp)];
    expect(a).not.toBe(b);
    expect(second.text).toContain(`nonce="${b}"`);
    expect(second.text).not.toContain(a);
    if (second.link) expect(second.link).not.toContain(a);
    // Compressed for a reader that accepts it, as Next would.
    expect(second.encoding).toBe("gzip");
    expect((await guestGet(`/p/${post.id}`, { "accept-encoding": "identity" })).encoding).toBeNull();
    // Same document otherwise.
    expect(second.text.replaceAll(b, a)).toBe(first.text);
  });

  it("drops the page with the post's next event: a comment, an edit, a hide", async () => {
    const author = await server.member("dropped");
    const mod = await server.moderator("dropper");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Soon changed", body: "x" })).json.post;
    expect((await renderThenReplay(`/p/${post.id}`))[1].hit).toBe(true);

    await author.post(`/api/v1/posts/${post.id}/comments`, { body: "A comment the replay must show" });
    const afterComment = await guestGet(`/p/${post.id}`);
    expect(afterComment.hit).toBe(false);
    expect(afterComment.text).toContain("A comment the replay must show");

    await author.patch(`/api/v1/posts/${post.id}`, { title: "Changed title" });
    const afterEdit = await guestGet(`/p/${post.id}`);
    expect(afterEdit.text).toContain("Changed title");
    expect(afterEdit.text).not.toContain("Soon changed");

    await mod.patch(`/api/v1/admin/posts/${post.id}`, { hidden: true });
    expect((await guestGet(`/p/${post.id}`)).status).toBe(404);
    expect((await guestGet(`/p/${post.id}`)).hit).toBe(false);
  });

  it("keeps the home page per language, and lists drop when a post is created", async () => {
    const author = await server.member("lister");
    await guestGet("/", { "accept-language": "zh-CN" });
    const zh = await guestGet("/", { "accept-language": "zh-CN" });
    const en = await guestGet("/", { "accept-language": "en" });
    expect(zh.text).toContain('lang="zh-CN"');
    expect(en.text).toContain('lang="en"');
    await author.post("/api/v1/posts", { categorySlug: "general", title: "Newest on the home page", body: "x" });
    const fresh = await guestGet("/", { "accept-language": "en" });
    expect(fresh.hit).toBe(false);
    expect(fresh.text).toContain("Newest on the home page");
  });

  it("never replays to a reader with a session cookie, a client navigation, or a page with a query", async () => {
    const member = await server.member("signedin");
    const post = (await member.post("/api/v1/posts", { categorySlug: "general", title: "Personal view", body: "x" })).json.post;
    expect((await renderThenReplay(`/p/${post.id}`))[1].hit).toBe(true);
    const signedIn = await member.get(`/p/${post.id}`);
    expect(signedIn.headers.get(HIT)).toBeNull();
    // Even a forged session cookie goes to Next, which decides what that reader sees.
    expect((await guestGet(`/p/${post.id}`, { cookie: "next-auth.session-token=forged" })).hit).toBe(false);
    expect((await guestGet(`/p/${post.id}`, { rsc: "1" })).hit).toBe(false);
    expect((await guestGet(`/p/${post.id}?page=1`)).hit).toBe(false);
  });

  it("stores no error page", async () => {
    const path = "/p/00000000-0000-4000-8000-000000000000";
    expect((await guestGet(path)).status).toBe(404);
    expect(await guestGet(path)).toMatchObject({ status: 404, hit: false });
  });
});
