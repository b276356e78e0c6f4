import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { SESSION_COOKIE, type Client } from "@/test/client";

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

  it("never replays a guest's page to a reader with a session cookie, a client navigation, or a page with a query", async () => {
    const member = await server.member("signedin");
    const post = (await member.post("/api/v1/posts", { categorySlug: "general", title: "Personal view", body: "x" })).json.post;
    const [, guestReplay] = await renderThenReplay(`/p/${post.id}`);
    expect(guestReplay.hit).toBe(true);
    const signedIn = await member.get(`/p/${post.id}`);
    // A member's page is never the guest's: it has their layer (and no sign-in links).
    expect(String(signedIn.text)).toContain(`"id":"${member.me.user.id}"`);
    expect(String(signedIn.text)).not.toContain('href="/signin');
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

const LAYER = /<script type="application\/json" id="parley-personal">(.*?)<\/script>/;

async function memberGet(client: Client, path: string) {
  const res = await fetch(server.origin + path, { headers: { cookie: `${SESSION_COOKIE}=${client.sessionToken}` } });
  const text = await res.text();
  const layer = LAYER.exec(text);
  return {
    status: res.status,
    hit: res.headers.get(HIT) === "hit",
    cacheControl: res.headers.get("cache-control"),
    text,
    layer: layer ? JSON.parse(layer[1]) : null,
  };
}

/**
 * Loads by one member until one is a replay (at most six), the one before it and that one: as
 * for guests, an event from elsewhere may empty the model between two loads.
 */
async function memberRenderThenReplay(client: Client, path: string) {
  let first = await memberGet(client, path);
  for (let attempt = 0; ; attempt++) {
    const second = await memberGet(client, path);
    if (second.hit || attempt === 5) return [first, second] as const;
    first = second;
  }
}

describe("members' post pages: one shared render, each reader's own layer", () => {
  it("replays the member render to every member, each with only their own layer", async () => {
    const alice = await server.member("alice");
    const bob = await server.member("bob");
    const post = (await alice.post("/api/v1/posts", { categorySlug: "general", title: "Shared for members", body: "x" })).json.post;
    const reply = (await bob.post(`/api/v1/posts/${post.id}/comments`, { body: "Bob was here" })).json.comment;
    await alice.put(`/api/v1/posts/${post.id}/reaction`, { kind: "LOVE" });
    await alice.put(`/api/v1/comments/${reply.id}/reaction`, { kind: "LAUGH" });

    const [first, second] = await memberRenderThenReplay(alice, `/p/${post.id}`);
    expect([first.status, second.status, second.hit]).toEqual([200, 200, true]);
    // A page with a reader's layer is theirs alone: no shared cache may keep it.
    expect(second.cacheControl).toMatch(/private.*no-store/);
    expect(second.text).toContain("Shared for members");
    expect(second.text).toContain("Bob was here");
    expect(first.layer).toEqual(second.layer);
    expect(second.layer).toMatchObject({
      me: { id: alice.me.user.id, username: alice.me.user.username, role: "MEMBER", banned: false },
      emailVerified: false,
      post: { id: post.id, readSeq: 0, watchLevel: "watching", mine: { post: "LOVE", comments: { [reply.id]: "LAUGH" } } },
    });
    // Bob's comment notified Alice: her layer has it, for the bell.
    expect(second.layer.notifications.unread).toBeGreaterThan(0);
    expect(second.layer.notifications.notifications[0]).toMatchObject({ post: { id: post.id } });

    // Carol's page is the same render (a replay), with her layer and nothing of Alice's; the
    // shared render names no reader (Carol has no content here: her name is nowhere but her layer).
    const carol = await server.member("carol");
    const [, carols] = await memberRenderThenReplay(carol, `/p/${post.id}`);
    expect(carols.hit).toBe(true);
    expect(carols.layer).toMatchObject({ me: { id: carol.me.user.id }, post: { readSeq: null, mine: { post: null, comments: {} } } });
    expect(carols.text.replace(LAYER, "")).not.toContain(carol.me.user.username);
    expect(carols.text).not.toContain('"post":"LOVE"');
    expect(carols.text).not.toContain(alice.me.email);
  });

  it("reads a member's own reading position into their layer", async () => {
    const author = await server.member("author");
    const reader = await server.member("reader");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Where was I", body: "x" })).json.post;
    for (const body of ["one", "two", "three"]) await author.post(`/api/v1/posts/${post.id}/comments`, { body: `comment ${body}` });
    await reader.put(`/api/v1/posts/${post.id}/read`, { seq: 1 });
    const page = await memberGet(reader, `/p/${post.id}`);
    expect(page.layer.post).toMatchObject({ readSeq: 1, unreadCount: 2 });
  });

  it("drops the member render with the post's next event, as the guests' one", async () => {
    const author = await server.member("changing");
    const mod = await server.moderator("hider");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Members see it change", body: "x" })).json.post;
    expect((await memberRenderThenReplay(author, `/p/${post.id}`))[1].hit).toBe(true);
    await author.post(`/api/v1/posts/${post.id}/comments`, { body: "Fresh for members" });
    const after = await memberGet(author, `/p/${post.id}`);
    expect(after.hit).toBe(false);
    expect(after.text).toContain("Fresh for members");
    await mod.patch(`/api/v1/admin/posts/${post.id}`, { hidden: true });
    // Hidden: not there for a member (its author included), so not served from any render.
    const hidden = await memberGet(author, `/p/${post.id}`);
    expect([hidden.status, hidden.hit, hidden.layer]).toEqual([404, false, null]);
  });

  it("renders staff and banned members their own page, never the shared one", async () => {
    const author = await server.member("seen");
    const mod = await server.moderator("staff");
    const banned = await server.member("banned");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Not for everyone", body: "x" })).json.post;
    expect((await memberRenderThenReplay(author, `/p/${post.id}`))[1].hit).toBe(true);
    expect((await mod.post(`/api/v1/admin/users/${banned.me.user.id}/ban`, { reason: "testing pages" })).status).toBe(200);
    for (const client of [mod, banned]) {
      const page = await memberGet(client, `/p/${post.id}`);
      expect([page.status, page.hit, page.layer]).toEqual([200, false, null]);
    }
  });

  it("keeps a reader's layer inert: text that closes the element is escaped", async () => {
    const author = await server.member("escaper");
    const other = await server.member("notifier");
    const title = "</script><script>window.owned=1</script>";
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title, body: "x" })).json.post;
    await other.post(`/api/v1/posts/${post.id}/comments`, { body: "ping" });
    const page = await memberGet(author, `/p/${post.id}`);
    expect(page.layer.notifications.notifications[0].post.title).toBe(title);
    expect(page.text).not.toContain("<script>window.owned=1");
  });
});

describe("members' home and category pages: the shared member render and their read states", () => {
  it("lays each listed post's read state and the category's watch level over one render", async () => {
    const author = await server.member("lister");
    const reader = await server.member("listreader");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Listed with read state", body: "x" })).json.post;
    for (const body of ["one", "two", "three"]) await author.post(`/api/v1/posts/${post.id}/comments`, { body: `listed comment ${body}` });
    await reader.put(`/api/v1/posts/${post.id}/read`, { seq: 1 });
    await reader.put("/api/v1/categories/general/watch", { level: "watching" });

    const [, category] = await memberRenderThenReplay(reader, "/c/general");
    expect([category.status, category.hit]).toEqual([200, true]);
    expect(category.text).toContain("Listed with read state");
    expect(category.cacheControl).toMatch(/private.*no-store/);
    expect(category.layer.me.id).toBe(reader.me.user.id);
    expect(category.layer.list.categoryLevel).toBe("watching");
    expect(category.layer.list.posts[post.id]).toEqual({ readSeq: 1, unreadCount: 2, watchLevel: "normal" });
    // The shared render names no reader.
    expect(category.text.replace(LAYER, "")).not.toContain(reader.me.user.username);

    const [, home] = await memberRenderThenReplay(reader, "/");
    expect([home.status, home.hit]).toEqual([200, true]);
    expect(home.layer.list.posts[post.id]).toEqual({ readSeq: 1, unreadCount: 2, watchLevel: "normal" });
    expect(home.layer.list.categoryLevel).toBeUndefined();
    expect(home.text.replace(LAYER, "")).not.toContain(reader.me.user.username);

    // The author's own layer over the same render: their post, read to their last comment, watched.
    const authors = await memberGet(author, "/c/general");
    expect(authors.layer.list.posts[post.id]).toEqual({ readSeq: 3, unreadCount: 0, watchLevel: "watching" });
  });

  it("renders the home page of a member who muted a category for them alone", async () => {
    const muter = await server.member("muter");
    await muter.put("/api/v1/categories/general/watch", { level: "muted" });
    const home = await memberGet(muter, "/");
    const again = await memberGet(muter, "/");
    expect([home.status, home.layer, again.hit, again.layer]).toEqual([200, null, false, null]);
    // Their category pages are the shared render still, with the level they chose.
    const category = await memberGet(muter, "/c/general");
    expect(category.layer.list.categoryLevel).toBe("muted");
  });

  it("sends an unknown category to Next, which answers 404", async () => {
    const member = await server.member("lost");
    expect(await memberGet(member, "/c/no-such-category")).toMatchObject({ status: 404, hit: false, layer: null });
  });
});
