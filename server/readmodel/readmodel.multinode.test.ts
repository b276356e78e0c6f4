import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, signedUpClient, type Client } from "@/test/harness";
import { useTwoNodes } from "@/test/cluster";
import { testRedisUrl } from "@/test/redis";
import { connectSocket, nextEvent, subscribe, type TestSocket } from "@/test/sockets";

const server = useServer();
const redis = await testRedisUrl();
if ("reason" in redis) console.warn(`[readmodel multinode] skipped: ${redis.reason}`);

type Node = { origin: string };
type Seen = {
  html: string;
  htmlStatus: number;
  htmlReplayed: boolean;
  /** The post page as `member` (when given) gets it: the shared member render and their layer. */
  memberHtml: string;
  memberStatus: number;
  post: any;
  postStatus: number;
  comments: any[];
  pageComments: any[];
};

const on = (node: Node, client: Client) => (client.origin === node.origin ? client : Object.assign(createClient(node.origin), { cookies: client.cookies }));

/**
 * What a reader on `node` gets now: the post page, the post's JSON and its comments' JSON (both
 * page sizes); with `member`, also the post page as that member gets it.
 */
async function read(node: Node, postId: string, as: Client = createClient(node.origin), member?: Client): Promise<Seen> {
  const reader = on(node, as);
  const memberPage = member ? await on(node, member).get(`/p/${postId}`) : null;
  const page = await reader.get(`/p/${postId}`);
  const post = await reader.get(`/api/v1/posts/${postId}`);
  const list = await reader.get(`/api/v1/posts/${postId}/comments`);
  const full = await reader.get(`/api/v1/posts/${postId}/comments?limit=200`);
  return {
    html: page.text,
    htmlStatus: page.status,
    htmlReplayed: page.headers.get("x-parley-page-cache") === "hit",
    memberHtml: memberPage ? String(memberPage.text) : "",
    memberStatus: memberPage?.status ?? 0,
    post: post.json?.post,
    postStatus: post.status,
    comments: list.json?.comments ?? [],
    pageComments: full.json?.comments ?? [],
  };
}

/** Runs `check` against what readers on both nodes see. */
async function onBoth(nodes: { a: Node; b: Node }, postId: string, check: (seen: Seen) => void, as?: (node: Node) => Client, member?: Client) {
  for (const node of [nodes.a, nodes.b]) check(await read(node, postId, as?.(node), member));
}

/**
 * The shared read model on two nodes: warmed on both, every change made through node A must
 * be visible on both nodes as soon as its live event has reached a socket on node B.
 */
describe.skipIf(!redis.url)("read model across nodes", () => {
  const nodes = useTwoNodes(server.databaseUrl, redis.url!);

  async function setUp(title: string) {
    const author = await signedUpClient(nodes.a.origin, "rmauthor");
    const fan = await signedUpClient(nodes.a.origin, "rmfan");
    const mod = await signedUpClient(nodes.a.origin, "rmmod");
    await server.db.setRole(mod.me.user.id, "MODERATOR");
    const { json } = await author.post("/api/v1/posts", { categorySlug: "general", title, body: "opening words" });
    const postId: string = json.post.id;
    const watcher: TestSocket = await connectSocket(nodes.b.origin);
    await subscribe(watcher, `post:${postId}`);
    await subscribe(watcher, "forum");
    // The first comment's activity refresh (a post:updated on the lists) is the last event of the set-up.
    const settled = nextEvent(watcher, "post:updated", (p) => p.post.id === postId && p.post.commentCount === 1);
    const first = await author.post(`/api/v1/posts/${postId}/comments`, { body: "first comment here" });
    await settled;
    return { author, fan, mod, postId, watcher, firstId: first.json.comment.id as string };
  }

  it("serves warmed reads from the cache, and nothing stale after each live event", async () => {
    const { author, fan, mod, postId, watcher, firstId } = await setUp("Cached thread");
    // Every read is also made as a member (the fan): their page is the shared member render.
    const both = (check: (seen: Seen) => void) => onBoth(nodes, postId, check, undefined, fan);
    // Warm both nodes, then change the title behind Parley's back: no event, so the cache answers.
    await both((s) => expect(s.post.title).toBe("Cached thread"));
    await server.db.query(`UPDATE "Post" SET title = 'Changed behind the cache' WHERE id = $1::uuid`, [postId]);
    await both((s) => {
      expect(s.post.title).toBe("Cached thread");
      expect(s.html).toContain("Cached thread");
      expect(s.memberHtml).toContain("Cached thread");
      // A guest's page is the stored render itself (server/http/page-cache.ts).
      expect(s.htmlReplayed).toBe(true);
    });

    // Edit the post.
    let event: Promise<unknown> = nextEvent(watcher, "post:updated", (p) => p.post.id === postId && p.post.title === "Edited title");
    expect((await author.patch(`/api/v1/posts/${postId}`, { title: "Edited title" })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.post.title).toBe("Edited title");
      expect(s.html).toContain("Edited title");
      expect(s.html).not.toContain("Cached thread");
      expect(s.memberHtml).toContain("Edited title");
      expect(s.memberHtml).not.toContain("Cached thread");
    });

    // Comment.
    event = nextEvent(watcher, "comment:created", (p) => p.comment.postId === postId);
    const second = await fan.post(`/api/v1/posts/${postId}/comments`, { body: "second comment arrives" });
    expect(second.status).toBe(201);
    await event;
    await both((s) => {
      expect(s.comments.map((c) => c.id)).toEqual([firstId, second.json.comment.id]);
      expect(s.pageComments).toHaveLength(2);
      expect(s.post.commentCount).toBe(2);
      expect(s.html).toContain("second comment arrives");
      expect(s.memberHtml).toContain("second comment arrives");
    });

    // React to the post and to a comment.
    event = nextEvent(watcher, "post:updated", (p) => p.post.id === postId && p.post.reactions.LIKE === 1);
    expect((await fan.put(`/api/v1/posts/${postId}/reaction`, { kind: "LIKE" })).status).toBe(200);
    await event;
    event = nextEvent(watcher, "comment:updated", (p) => p.comment.id === firstId && p.comment.reactions.LOVE === 1);
    expect((await fan.put(`/api/v1/comments/${firstId}/reaction`, { kind: "LOVE" })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.post.reactions).toEqual({ LIKE: 1 });
      expect(s.comments[0].reactions).toEqual({ LOVE: 1 });
      expect(s.pageComments[0].reactions).toEqual({ LOVE: 1 });
      // The fan's own reactions are in their layer, fresh on every load.
      expect(s.memberHtml).toContain(`"mine":{"post":"LIKE","comments":{"${firstId}":"LOVE"}}`);
    });

    // Edit a comment.
    event = nextEvent(watcher, "comment:updated", (p) => p.comment.id === firstId && p.comment.body === "first comment, edited");
    expect((await author.patch(`/api/v1/comments/${firstId}`, { body: "first comment, edited" })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.comments[0].body).toBe("first comment, edited");
      expect(s.html).toContain("first comment, edited");
      expect(s.memberHtml).toContain("first comment, edited");
    });

    // Hide a comment: guests get comment:deleted, and no read shows it any more.
    event = nextEvent(watcher, "comment:deleted", (p) => p.id === second.json.comment.id);
    expect((await mod.patch(`/api/v1/admin/comments/${second.json.comment.id}`, { hidden: true })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.comments.map((c) => c.id)).toEqual([firstId]);
      expect(s.pageComments.map((c) => c.id)).toEqual([firstId]);
      expect(s.html).not.toContain("second comment arrives");
      expect(s.memberHtml).not.toContain("second comment arrives");
    });

    // Lock.
    event = nextEvent(watcher, "post:updated", (p) => p.post.id === postId && p.post.locked);
    expect((await mod.patch(`/api/v1/admin/posts/${postId}`, { locked: true })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.post.locked).toBe(true);
      expect(s.html).toMatch(/Locked<\/span>/);
      expect(s.memberHtml).toMatch(/Locked<\/span>/);
    });

    // Hide the post: guests get post:deleted, and both nodes answer 404.
    event = nextEvent(watcher, "post:deleted", (p) => p.id === postId);
    expect((await mod.patch(`/api/v1/admin/posts/${postId}`, { hidden: true })).status).toBe(200);
    await event;
    await both((s) => {
      expect(s.postStatus).toBe(404);
      expect(s.htmlStatus).toBe(404);
      expect(s.memberStatus).toBe(404);
    });
  }, 180_000); // some forty page renders on two nodes: slow on a busy machine

  it("never hands a member the staff entry of a post", async () => {
    const { fan, mod, postId, watcher, firstId } = await setUp("Staff and members");
    const hiddenComment = await fan.post(`/api/v1/posts/${postId}/comments`, { body: "soon hidden words" });
    const gone = nextEvent(watcher, "comment:deleted", (p) => p.id === hiddenComment.json.comment.id);
    await mod.patch(`/api/v1/admin/comments/${hiddenComment.json.comment.id}`, { hidden: true });
    await gone;
    // Staff read first on both nodes (their entry holds the hidden comment), then members and guests.
    const asMod = (node: Node) => Object.assign(createClient(node.origin), { cookies: mod.cookies });
    const asFan = (node: Node) => Object.assign(createClient(node.origin), { cookies: fan.cookies });
    await onBoth(
      nodes,
      postId,
      (s) => {
        expect(s.comments.map((c) => [c.id, c.hidden])).toEqual([
          [firstId, false],
          [hiddenComment.json.comment.id, true],
        ]);
        expect(s.html).toContain("soon hidden words");
      },
      asMod,
    );
    for (const as of [asFan, undefined]) {
      await onBoth(
        nodes,
        postId,
        (s) => {
          expect(s.comments.map((c) => c.id)).toEqual([firstId]);
          expect(s.comments[0]).not.toHaveProperty("hidden");
          expect(s.post).not.toHaveProperty("hidden");
          expect(s.html).not.toContain("soon hidden words");
        },
        as,
      );
    }

    // A hidden post: staff keep reading it (from their entry), members and guests get 404.
    const hidden = nextEvent(watcher, "post:deleted", (p) => p.id === postId);
    await mod.patch(`/api/v1/admin/posts/${postId}`, { hidden: true });
    await hidden;
    await onBoth(nodes, postId, (s) => expect([s.postStatus, s.post.hidden]).toEqual([200, true]), asMod);
    for (const as of [asFan, undefined]) await onBoth(nodes, postId, (s) => expect([s.postStatus, s.htmlStatus]).toEqual([404, 404]), as);
  }, 120_000);

  it("drops cached posts and lists on both nodes when an admin renames a category", async () => {
    const admin = await signedUpClient(nodes.a.origin, "rmadmin");
    await server.db.setRole(admin.me.user.id, "ADMIN");
    const slug = `rm-${Date.now().toString(36)}`;
    expect((await admin.post("/api/v1/admin/categories", { slug, name: "Before rename", description: "" })).status).toBe(201);
    const { json } = await admin.post("/api/v1/posts", { categorySlug: slug, title: "In a renamed category", body: "x" });
    /** The category's name as a guest on `node` sees it on the post and on the category's page. */
    const names = async (node: Node) => {
      const guest = createClient(node.origin);
      const post = (await guest.get(`/api/v1/posts/${json.post.id}`)).json.post;
      const page = (await guest.get(`/api/v1/categories/${slug}/posts`)).json;
      return [post.category.name, page.category.name, page.posts[0].category.name];
    };
    for (const node of [nodes.a, nodes.b]) expect(await names(node)).toEqual(["Before rename", "Before rename", "Before rename"]);
    expect((await admin.patch(`/api/v1/admin/categories/${slug}`, { name: "After rename" })).status).toBe(200);
    expect(await names(nodes.a)).toEqual(["After rename", "After rename", "After rename"]); // dropped before the answer
    // No socket event announces a category: the other node hears categoryChanged through the relay.
    const deadline = Date.now() + 5000;
    while ((await names(nodes.b))[0] !== "After rename" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await names(nodes.b)).toEqual(["After rename", "After rename", "After rename"]);
  });

  it("answers a guest's comments with one pre-serialized body and its strong ETag", async () => {
    const { postId } = await setUp("ETags");
    for (const node of [nodes.a, nodes.b]) {
      const guest = createClient(node.origin);
      const first = await guest.get(`/api/v1/posts/${postId}/comments`);
      const again = await guest.get(`/api/v1/posts/${postId}/comments`);
      expect(again.text).toBe(first.text);
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      const cached = await guest.get(`/api/v1/posts/${postId}/comments`, { headers: { "if-none-match": first.headers.get("etag")! } });
      expect(cached.status).toBe(304);
    }
  });
});
